/**
 * Per session the host keeps one Yjs document per writer class (ARCHITECTURE.md, "Documents and rooms"):
 * - `control`: written by the facilitator only (session facts, agenda, run state, groups, clusters);
 * - `board`: everyone's contributions (notes, votes);
 * - `vault`: the facilitator's only, read and write: hidden notes and silent-writing notes not yet
 *   revealed. Participants cannot even read it, so no client trick shows them its content.
 */
export const DOC_NAMES = ['control', 'board', 'vault'] as const;
export type DocName = (typeof DOC_NAMES)[number];

export function isDocName(value: unknown): value is DocName {
  return typeof value === 'string' && (DOC_NAMES as readonly string[]).includes(value);
}

/** Room name used on the wire: `<sessionId>/<doc>` (the y-websocket provider's `roomname`). */
export function roomName(sessionId: string, doc: DocName): string {
  return `${sessionId}/${doc}`;
}
