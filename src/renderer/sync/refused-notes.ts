import * as Y from 'yjs';
import type { Note } from '../../core/workshop/board';

/** A note as this device's copy of the board holds it, with the Yjs id of its current value. */
export interface HeldNote {
  readonly note: Note;
  readonly client: number;
  readonly clock: number;
}

/**
 * Every note in the device's copy of the board, with where its current value came from. Taken
 * just after the host refused a write (close 4403), before that copy is thrown away.
 */
export function holdNotes(board: Y.Doc): HeldNote[] {
  const notes = board.getMap<Note>('notes');
  const held: HeldNote[] = [];
  for (const [key, item] of notes._map) {
    if (item.deleted) continue;
    const note = notes.get(key);
    if (note && typeof note === 'object' && typeof note.text === 'string') held.push({ note, client: item.id.client, clock: item.id.clock });
  }
  return held;
}

/**
 * The held notes the host never accepted: their value's Yjs id lies beyond what the host has of
 * that client (its state vector, read from a board freshly synced from the host). Notes the host
 * had and later hid are not among them. `isMine` keeps only this person's own notes, so nobody
 * else's words are ever shown as theirs.
 */
export function notAccepted(held: readonly HeldNote[], hostBoard: Y.Doc, isMine: (note: Note) => boolean): Note[] {
  const known = Y.decodeStateVector(Y.encodeStateVector(hostBoard));
  return held
    .filter((h) => h.clock >= (known.get(h.client) ?? 0) && isMine(h.note))
    .map((h) => h.note)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * After the device's copy was refused as an earlier lineage (4409) and the session opened afresh:
 * the person's own notes that the host's board does not hold (written while the device was away),
 * or holds in an older wording. They were never refused, so they are written again, as the device
 * would have sent them had the host not renewed the document. Lineages differ, so notes are
 * matched by id and edit time, not by Yjs ids.
 */
export function unsentAfterRenewal(held: readonly HeldNote[], hostBoard: Y.Doc, isMine: (note: Note) => boolean): Note[] {
  const onHost = hostBoard.getMap<Note>('notes');
  return held
    .map((h) => h.note)
    .filter((note) => {
      if (!isMine(note)) return false;
      const host = onHost.get(note.id);
      if (!host) return true;
      return note.text !== host.text && (note.editedAt ?? note.createdAt) > (host.editedAt ?? host.createdAt);
    })
    .sort((a, b) => a.createdAt - b.createdAt);
}
