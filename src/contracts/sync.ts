/**
 * WebSocket close codes the host uses (HOST-CONTRACT.md, "Sync"). The renderer maps each to words.
 * 4000–4999 is the application range of RFC 6455.
 */
export const CLOSE_CODES = {
  /** Malformed message: not y-websocket framing or not a valid Yjs update. */
  badMessage: 4400,
  /** No valid token. */
  unauthorized: 4401,
  /** The update breaks a rule (e.g. a participant writing `control`). */
  forbidden: 4403,
  /** Unknown session or document. */
  notFound: 4404,
  /**
   * The device holds a copy of an earlier lineage of the document (the host gave a long workshop's
   * document a fresh lineage while it was closed): the device drops its copy and syncs again.
   */
  staleCopy: 4409,
  /** The facilitator closed the session to participants. */
  sessionClosed: 4410,
  /** The facilitator removed this participant (their token no longer works). */
  removed: 4411,
  /** A message or the document grew past a limit. */
  tooLarge: 4413,
  /** Too many messages per second, or too many connections from one address or to one session. */
  tooMany: 4429,
  /** The update could not be written to disk, so it was not accepted. */
  storageFailed: 4500,
  /** The host is shutting down; reconnect later. */
  goingAway: 1001,
  /** The host hit an error (e.g. could not save) and reloaded the session; reconnect now. */
  internalError: 1011,
  /** The session was restored from a backup; reconnect now. */
  restarting: 1012,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export function syncPath(sessionId: string, doc: string): string {
  return `/sync/${encodeURIComponent(sessionId)}/${encodeURIComponent(doc)}`;
}
