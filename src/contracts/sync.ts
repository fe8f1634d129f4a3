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
  /** The facilitator closed the session to participants. */
  sessionClosed: 4410,
  /** A message or the document grew past a limit. */
  tooLarge: 4413,
  /** The update could not be written to disk, so it was not accepted. */
  storageFailed: 4500,
  /** The host is shutting down; reconnect later. */
  goingAway: 1001,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export function syncPath(sessionId: string, doc: string): string {
  return `/sync/${encodeURIComponent(sessionId)}/${encodeURIComponent(doc)}`;
}
