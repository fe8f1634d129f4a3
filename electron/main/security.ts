/**
 * The shell's security policy as plain data and pure functions.
 *
 * Kept free of any `electron` import (not even a type) so that tests/shell/security.test.ts can
 * check the policy under plain Node, where the Electron binary may not even be installed.
 * `index.ts` applies it; whatever the window may do is decided here.
 *
 * What must hold:
 * - the renderer is an ordinary web page from the host's loopback origin: no Node, no
 *   privileged APIs beyond the preload's `samskapaShell`, same CSP as a strict site;
 * - the window never leaves the host origin (no navigation, no new windows, no webviews);
 * - IPC is answered only for frames whose origin is the host origin.
 */

/** Where the built preload sits, relative to the built main process (`out/main` → `out/preload`). */
export const PRELOAD_RELATIVE_PATH = '../preload/index.cjs';

/**
 * The BrowserWindow webPreferences. Every renderer-reachable privilege is switched off explicitly,
 * even where Electron's default is already safe, so a future default change cannot loosen it.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } as const;
}

/**
 * The Content-Security-Policy for every response from the host origin.
 * `ws://127.0.0.1:*` covers the sync socket (the facilitator window always talks to the host
 * over loopback, even after the session is shared on a LAN address). `'unsafe-inline'` is
 * allowed for styles only (React style attributes); scripts come from the host alone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The origin of a URL, or null when it is not a URL or has an opaque origin (file:, data:, …). */
function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** True when `url` is on the host's origin (same scheme, host and port); everything else is refused. */
export function isAllowedNavigation(url: string, hostOrigin: string): boolean {
  const target = originOf(url);
  const host = originOf(hostOrigin);
  return target !== null && host !== null && target === host;
}

/**
 * True when an IPC message comes from a frame showing the host origin. `frameUrl` is
 * `event.senderFrame?.url`; a destroyed frame (null) or any other origin is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, hostOrigin: string): boolean {
  return typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, hostOrigin);
}

/**
 * The one kind of new window the app opens itself: the projector view (`#projector=<sessionId>`)
 * on the host origin. It gets the same locked-down webPreferences as the main window.
 */
export function isProjectorWindow(url: string, hostOrigin: string): boolean {
  if (!isAllowedNavigation(url, hostOrigin)) return false;
  return /^#projector=[a-z0-9]{16}$/.test(new URL(url).hash);
}

/**
 * Links that leave the host origin may open in the user's own browser (a content pack's source
 * link, say), but only plain web links: never file:, custom schemes or javascript:.
 */
export function isExternalWebLink(url: string, hostOrigin: string): boolean {
  const target = originOf(url);
  return target !== null && !isAllowedNavigation(url, hostOrigin);
}

/**
 * The few web permissions the facilitator window needs, granted to the host origin only:
 * copying the join link, full screen and keeping the screen awake for the projector view.
 * Camera, microphone, geolocation, notifications, clipboard reading, external protocols and
 * the rest are always refused.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [
  'clipboard-sanitized-write',
  'fullscreen',
  'screen-wake-lock',
];

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | null | undefined,
  hostOrigin: string,
): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isTrustedSender(requestingUrl, hostOrigin);
}

/**
 * Adds the CSP to the response headers of a host-origin response; other responses pass unchanged.
 * A CSP the host sends itself is kept: with two policies the browser enforces both, so adding
 * ours can only tighten.
 */
export function withContentSecurityPolicy(
  url: string,
  headers: Record<string, string[]> | undefined,
  hostOrigin: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...(headers ?? {}) };
  if (!isAllowedNavigation(url, hostOrigin)) return result;
  const existingKey = Object.keys(result).find(
    (key) => key.toLowerCase() === 'content-security-policy',
  );
  const key = existingKey ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * A file name safe to offer in a save dialog: the last path segment only, without control or
 * reserved characters, never empty, at most 200 characters.
 */
export function safeFileName(suggested: string): string {
  const lastSegment = suggested.split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'samskapa-export';
}
