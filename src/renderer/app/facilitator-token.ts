/**
 * Where the facilitator's token comes from:
 * - in the Electron window, the shell hands it over (`ShellApi.facilitatorToken()`), never in a URL;
 * - in a browser (`npm run host`), the host's ready line gives `…/#token=<t>`; we move it into
 *   sessionStorage at once and strip it from the address bar and history.
 * sessionStorage (not localStorage) so the token dies with the tab and a participant tab opened in
 * the same browser stays a participant.
 */
import { shell } from '../shell';
import { readString, writeString } from '../storage/local-store';

const KEY = 'samskapa:facilitator-token';
const PREFIX = '#token=';

/** Moves `#token=…` out of the URL into sessionStorage. Call before anything reads the hash. */
export function takeTokenFromUrl(): void {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(PREFIX)) return;
  const token = decodeURIComponent(hash.slice(PREFIX.length));
  if (token) writeString(KEY, token, 'session');
  window.history.replaceState(null, '', `${pathname}${search}`);
}

/** The facilitator token, or null in a participant's browser. */
export async function resolveFacilitatorToken(): Promise<string | null> {
  if (shell) {
    const token = await shell.facilitatorToken();
    writeString(KEY, token, 'session');
    return token;
  }
  return readString(KEY, 'session');
}
