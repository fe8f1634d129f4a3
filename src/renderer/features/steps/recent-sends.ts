/**
 * What this phone wrote onto the board in the last moments. y-websocket does not confirm a single
 * update, so when the host refuses a write (close 4403) the notes sent just before are the ones
 * that may not have arrived: we show them and keep their words as a draft to send again or copy.
 * Kept in memory only: a reload starts a new connection, so an older send was answered by then.
 */
const WINDOW_MS = 20_000;

interface Sent {
  readonly text: string;
  readonly at: number;
}

let recent: Sent[] = [];

export function rememberSend(text: string, now: number = Date.now()): void {
  recent = [...recent.filter((s) => now - s.at < WINDOW_MS), { text, at: now }];
}

/** The texts sent within the window before `closedAt`, oldest first (at least the very last one). */
export function sendsBefore(closedAt: number): string[] {
  const inWindow = recent.filter((s) => closedAt - s.at < WINDOW_MS).map((s) => s.text);
  const last = recent[recent.length - 1];
  return inWindow.length > 0 ? inWindow : last ? [last.text] : [];
}
