import type * as Y from 'yjs';

/**
 * Marks: a participant's ticks in a matrix (the partnership matrix's "today"/"next" cells, the
 * persona × channel matrix). They live in the board's `marks` map, one entry per person and cell:
 * key `<stepId>|<groupId or ->|<pseudonym>|<cell>` → true (marked) or null (taken back).
 *
 * Why per person: Yjs lets the host refuse a participant deleting what another wrote, so a shared
 * cell that anyone could toggle would be refused the moment a second person touched it. With one
 * entry per person the host checks a mark by its key alone (running step, own group, own id, a
 * cell the step allows), exactly as it checks dot votes, and a group's matrix is the count of its
 * members' marks.
 *
 * Why a pseudonym and not the participant id: the id is shown in presence, so keys naming it would
 * link a person's marks to them. The pseudonym (host/auth/pseudonym.ts) cannot be linked to the id;
 * keys in sessions from before pseudonyms still name ids and are read as before.
 */
export const MARK_KEY_SEPARATOR = '|';
export const NO_GROUP = '-';

export interface MarkKey {
  readonly stepId: string;
  /** null in a step that runs as one room. */
  readonly groupId: string | null;
  /** The writer's pseudonym (never the participant id). */
  readonly pseudonym: string;
  readonly cell: string;
}

export function markKey(key: MarkKey): string {
  return [key.stepId, key.groupId ?? NO_GROUP, key.pseudonym, key.cell].join(MARK_KEY_SEPARATOR);
}

export function parseMarkKey(text: string): MarkKey | null {
  const parts = text.split(MARK_KEY_SEPARATOR);
  if (parts.length !== 4 || parts.some((p) => p.length === 0 || p.length > 80)) return null;
  const [stepId, group, pseudonym, cell] = parts as [string, string, string, string];
  return { stepId, groupId: group === NO_GROUP ? null : group, pseudonym, cell };
}

export function marksMap(board: Y.Doc): Y.Map<true | null> {
  return board.getMap<true | null>('marks');
}

/** Sets or takes back one of the participant's own marks. */
export function setMark(board: Y.Doc, key: MarkKey, marked: boolean): void {
  board.transact(() => marksMap(board).set(markKey(key), marked ? true : null), 'local');
}

/** The cells this participant (by pseudonym) has marked in a step. */
export function myMarks(board: Y.Doc, stepId: string, pseudonym: string): Set<string> {
  const cells = new Set<string>();
  for (const [text, value] of marksMap(board)) {
    const key = parseMarkKey(text);
    if (value === true && key?.stepId === stepId && key.pseudonym === pseudonym) cells.add(key.cell);
  }
  return cells;
}

/** Per group (null = the room), how many people marked each cell. */
export function tallyMarks(board: Y.Doc, stepId: string): Map<string | null, Map<string, number>> {
  const tally = new Map<string | null, Map<string, number>>();
  for (const [text, value] of marksMap(board)) {
    const key = parseMarkKey(text);
    if (value !== true || key?.stepId !== stepId) continue;
    const cells = tally.get(key.groupId) ?? new Map<string, number>();
    cells.set(key.cell, (cells.get(key.cell) ?? 0) + 1);
    tally.set(key.groupId, cells);
  }
  return tally;
}

export function observeMarks(board: Y.Doc, onChange: () => void): () => void {
  const map = marksMap(board);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
