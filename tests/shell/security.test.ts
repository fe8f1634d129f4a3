/**
 * The shell's security policy, checked without Electron: security.ts is pure by design.
 */
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isProjectorWindow,
  isExternalWebLink,
  isPermissionAllowed,
  isTrustedSender,
  safeFileName,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../../electron/main/security';

const HOST = 'http://127.0.0.1:47180';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

describe('webPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('loads the CommonJS preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });
});

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote host: only self, loopback sockets, data: images and inline styles', () => {
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'ws://127.0.0.1:*']);
    for (const [name, sources] of csp) {
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true);
    }
    expect(csp.get('style-src')).toContain("'unsafe-inline'");
    expect(csp.get('img-src')).toContain('data:');
  });

  it('locks down the defaults, plugins and framing', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
  });

  it('is added to host responses, alongside any CSP the host sends', () => {
    const headers = withContentSecurityPolicy(`${HOST}/`, { 'content-security-policy': ['a'] }, HOST);
    expect(headers['content-security-policy']).toEqual(['a', CONTENT_SECURITY_POLICY]);
    const fresh = withContentSecurityPolicy(`${HOST}/assets/x.js`, undefined, HOST);
    expect(fresh['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('leaves other responses alone', () => {
    expect(withContentSecurityPolicy('https://example.org/', { a: ['b'] }, HOST)).toEqual({ a: ['b'] });
  });
});

describe('navigation', () => {
  it('stays on the host origin', () => {
    expect(isAllowedNavigation(`${HOST}/`, HOST)).toBe(true);
    expect(isAllowedNavigation(`${HOST}/facilitator#step=2`, HOST)).toBe(true);
  });

  it('blocks other origins, ports, schemes and junk', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:47181/',
      'http://localhost:47180/',
      'https://127.0.0.1:47180/',
      'http://127.0.0.1:47180.evil.example/',
      'file:///etc/passwd',
      'file://127.0.0.1:47180/x',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url, HOST), url).toBe(false);
    }
  });

  it('opens only plain web links externally', () => {
    expect(isExternalWebLink('https://www.1177.se/', HOST)).toBe(true);
    expect(isExternalWebLink(`${HOST}/`, HOST)).toBe(false);
    expect(isExternalWebLink('file:///etc/passwd', HOST)).toBe(false);
    expect(isExternalWebLink('smb://server/share', HOST)).toBe(false);
    expect(isExternalWebLink('javascript:alert(1)', HOST)).toBe(false);
  });
});

describe('IPC sender validation', () => {
  it('trusts only frames on the host origin', () => {
    expect(isTrustedSender(`${HOST}/`, HOST)).toBe(true);
    expect(isTrustedSender('https://example.org/', HOST)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:1/', HOST)).toBe(false);
    expect(isTrustedSender('file:///app/index.html', HOST)).toBe(false);
    expect(isTrustedSender('about:blank', HOST)).toBe(false);
    expect(isTrustedSender(null, HOST)).toBe(false);
    expect(isTrustedSender(undefined, HOST)).toBe(false);
  });
});

describe('permissions', () => {
  it('refuses devices, location, notifications and the rest', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'usb']) {
      expect(isPermissionAllowed(permission, `${HOST}/`, HOST), permission).toBe(false);
    }
  });

  it('grants the few it needs to the host origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${HOST}/`, HOST)).toBe(true);
    expect(isPermissionAllowed('fullscreen', HOST, HOST)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/', HOST)).toBe(false);
    expect(isPermissionAllowed('fullscreen', undefined, HOST)).toBe(false);
  });
});

describe('save dialog file names', () => {
  it('keeps only a harmless last path segment', () => {
    expect(safeFileName('rapport.docx')).toBe('rapport.docx');
    expect(safeFileName('../../.bashrc')).toBe('bashrc');
    expect(safeFileName('C:\\Windows\\system.ini')).toBe('system.ini');
    expect(safeFileName('a<b>:c?.pdf')).toBe('a_b__c_.pdf');
    expect(safeFileName('')).toBe('samskapa-export');
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });
});

describe('new windows', () => {
  const host = 'http://127.0.0.1:47180';
  it('opens only the projector view of a session on the host origin', () => {
    expect(isProjectorWindow(`${host}/#projector=abcdefghijklmnop`, host)).toBe(true);
    for (const url of [
      `${host}/#projector=../../etc`,
      `${host}/#token=abc`,
      `${host}/`,
      'http://127.0.0.1:9999/#projector=abcdefghijklmnop',
      'https://example.org/#projector=abcdefghijklmnop',
      'file:///etc/passwd#projector=abcdefghijklmnop',
    ]) {
      expect(isProjectorWindow(url, host), url).toBe(false);
    }
  });
});
