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
  return beyond(held, Y.decodeStateVector(Y.encodeStateVector(hostBoard)), isMine);
}

/**
 * After the device's copy was refused as one of an earlier lineage (4409): the person's own notes
 * whose value lies beyond where that lineage ended on the host (`retired`, the state vector the host
 * keeps of it). They never reached the host, so the device writes them again to the fresh board,
 * as it would have sent them had the host not renewed the document. What the host had (also what
 * it later hid or someone deleted) lies within it and is left alone.
 */
export function unsentAfterRenewal(held: readonly HeldNote[], retired: Uint8Array, isMine: (note: Note) => boolean): Note[] {
  return beyond(held, Y.decodeStateVector(retired), isMine);
}

function beyond(held: readonly HeldNote[], known: ReadonlyMap<number, number>, isMine: (note: Note) => boolean): Note[] {
  return held
    .filter((h) => h.clock >= (known.get(h.client) ?? 0) && isMine(h.note))
    .map((h) => h.note)
    .sort((a, b) => a.createdAt - b.createdAt);
}
