import * as Y from 'yjs';
import { addNote, editNote } from '../../src/core/workshop/board';
import type { NoteAuthor } from '../../src/core/workshop/board';
import type { ParticipantRole } from '../../src/core/roles';
import { voteKey } from '../../src/core/workshop/votes';
import { writeSessionInfo } from '../../src/core/workshop/session-info';
import { createItemId } from '../../src/core/ids';
import type { DocName } from '../../src/core/workshop/doc-names';
import { SessionDirectory } from '../../src/host/persistence/session-directory';
import { randomSessionId } from './setup';

export interface HistoryShape {
  readonly notes: number;
  readonly votes: number;
  /** Note edits after the notes exist: the "small updates of history". */
  readonly edits: number;
  /** Distinct writers (client ids), each with its own notes. */
  readonly writers: number;
}

export type UpdateLog = { readonly doc: DocName; readonly data: Uint8Array }[];

/** A note as first written, with its dot votes: what a change idea quoting it copies (an `Origin`). */
export interface WrittenNote {
  readonly id: string;
  readonly text: string;
  readonly authorName: string;
  readonly authorRole: ParticipantRole;
  readonly votes: number;
}

export interface History {
  readonly log: UpdateLog;
  /** Every note in writing order. */
  readonly notes: readonly WrittenNote[];
}

/**
 * The update log of a long workshop, as the host would have stored it: the session info, then one
 * Yjs update per note, vote and edit, from `writers` participants' documents (each edits only its
 * own notes), interleaved in writing order. PDSA cycles are not in the session: they live in an
 * improvement file of their own (bench/lib/long-history-folder.ts).
 */
export function buildHistory(shape: HistoryShape, title: string): History {
  const log: UpdateLog = [];
  const control = new Y.Doc();
  control.on('update', (data: Uint8Array) => log.push({ doc: 'control', data }));
  writeSessionInfo(control, { title, createdAt: Date.now() });
  const writers = Array.from({ length: shape.writers }, (_, i) => {
    const doc = new Y.Doc();
    doc.on('update', (data: Uint8Array) => log.push({ doc: 'board', data }));
    const author: NoteAuthor = { role: 'staff', anonymous: false, name: `Deltagare ${i + 1}`, pseudonym: createItemId() };
    return { doc, author, notes: [] as string[] };
  });
  const notes: { id: string; text: string; authorName: string; authorRole: ParticipantRole; votes: number }[] = [];
  const base = Date.now() - 3 * 3600_000;
  for (let i = 0; i < shape.notes; i++) {
    const w = writers[i % writers.length]!;
    const note = addNote(w.doc, `Tanke ${i}: det som fungerade bra och det vi vill ändra`, w.author, base + i * 100);
    w.notes.push(note.id);
    notes.push({ id: note.id, text: note.text, authorName: w.author.name!, authorRole: 'staff', votes: 0 });
  }
  for (let i = 0; i < shape.votes; i++) {
    const w = writers[i % writers.length]!;
    const slot = Math.floor(i / writers.length);
    const note = notes[(i * 7919) % notes.length]!;
    note.votes++;
    w.doc.transact(() => w.doc.getMap('votes').set(voteKey('step-vote', w.author.pseudonym!, slot), note.id), 'local');
  }
  for (let i = 0; i < shape.edits; i++) {
    const w = writers[i % writers.length]!;
    const id = w.notes[Math.floor(i / writers.length) % w.notes.length]!;
    editNote(w.doc, id, `Tanke, version ${i}: det som fungerade bra och det vi vill ändra`, base + 3600_000 + i);
  }
  return { log, notes };
}

/** Writes a session file with this log, in batches as the host's write queue does (appendUpdates). */
export function writeSessionFile(dataDir: string, log: UpdateLog, title: string, batch = 1000): { id: string; path: string } {
  const directory = new SessionDirectory(dataDir);
  const id = randomSessionId();
  const store = directory.create(id, title, Date.now());
  try {
    for (let i = 0; i < log.length; i += batch) store.appendUpdates(log.slice(i, i + batch));
  } finally {
    store.close();
  }
  return { id, path: directory.pathFor(id) };
}

/** The session part of issue #8 scenario 4's long history (quick: a tenth of the notes, a twentieth of the edits). */
export function longHistoryShape(quick: boolean): HistoryShape {
  return quick
    ? { notes: 1_000, votes: 200, edits: 5_000, writers: 50 }
    : { notes: 10_000, votes: 2_000, edits: 100_000, writers: 50 };
}
