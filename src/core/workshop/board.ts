import type * as Y from 'yjs';
import { createItemId } from '../ids';
import type { Role } from '../roles';

/** Longest note a person can send; longer text is refused, not cut, so nothing is silently lost. */
export const NOTE_MAX_LENGTH = 2000;

/**
 * One note on the shared board, stored as a plain value in `board.notes` (a Y.Map keyed by id).
 * Plain values keep 10,000 notes cheap; editing replaces the value, which only the writer's own
 * client (or the facilitator) may do.
 *
 * Anonymity: when `anonymous` is true there is no `authorName` and no `authorId`, in the shared
 * document itself, so no export or devtools reading can reveal them. A named note's `authorId` is
 * the writer's pseudonym, never the participant id (docs/SECURITY.md, "Pseudonyms"); notes from
 * before pseudonyms may still carry the id.
 */
export interface Note {
  readonly id: string;
  readonly text: string;
  readonly createdAt: number;
  readonly editedAt?: number;
  readonly authorRole: Role;
  readonly anonymous: boolean;
  readonly authorName?: string;
  readonly authorId?: string;
  /** The agenda step the note was written in (absent on a free board). */
  readonly stepId?: string;
  /** The group ("bord") it was written in, for group steps. */
  readonly groupId?: string;
  /**
   * The question of the step the note answers: a dialogue cloth's question, a reflection prompt,
   * a matrix cell (issue #4). The step type lists the valid ids; absent = the step's theme at large.
   */
  readonly questionId?: string;
  /** Typed in by the facilitator for someone without a device (e.g. from a paper note). */
  readonly onBehalf?: boolean;
}

export interface NoteAuthor {
  readonly role: Role;
  readonly anonymous: boolean;
  readonly name?: string;
  /** The writer's pseudonym (becomes `authorId` on named notes); never the participant id. */
  readonly pseudonym?: string;
  readonly onBehalf?: boolean;
}

/** Where a note belongs: its step and group, when written during a run. */
export interface NotePlace {
  readonly stepId?: string;
  readonly groupId?: string;
  readonly questionId?: string;
}

export type NoteInputError = 'note-empty' | 'note-too-long';

function notesMap(doc: Y.Doc): Y.Map<Note> {
  return doc.getMap<Note>('notes');
}

/** Checks the text a person typed; returns an error code or null. Whitespace-only is empty. */
export function validateNoteText(text: string): NoteInputError | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'note-empty';
  if (trimmed.length > NOTE_MAX_LENGTH) return 'note-too-long';
  return null;
}

/** Builds a note value without writing it (the host stores silent-writing notes in the vault first). */
export function createNote(text: string, author: NoteAuthor, place: NotePlace = {}, now: number = Date.now()): Note {
  const problem = validateNoteText(text);
  if (problem) throw new Error(problem);
  return {
    id: createItemId(),
    text: text.trim(),
    createdAt: now,
    authorRole: author.role,
    anonymous: author.anonymous,
    ...(author.anonymous
      ? {}
      : {
          ...(author.name ? { authorName: author.name } : {}),
          ...(author.pseudonym ? { authorId: author.pseudonym } : {}),
        }),
    ...(place.stepId ? { stepId: place.stepId } : {}),
    ...(place.groupId ? { groupId: place.groupId } : {}),
    ...(place.questionId ? { questionId: place.questionId } : {}),
    ...(author.onBehalf ? { onBehalf: true } : {}),
  };
}

/** Adds a note to the board document and returns it. Throws on invalid text (callers validate first). */
export function addNote(doc: Y.Doc, text: string, author: NoteAuthor, now: number = Date.now(), place: NotePlace = {}): Note {
  const note = createNote(text, author, place, now);
  doc.transact(() => notesMap(doc).set(note.id, note), 'local');
  return note;
}

/** Writes a finished note value (moving it between documents keeps its id, author and time). */
export function putNote(doc: Y.Doc, note: Note, origin: unknown): void {
  doc.transact(() => notesMap(doc).set(note.id, note), origin);
}

/** Removes a note from this document, returning what it was (the host moves it to the vault). */
export function takeNote(doc: Y.Doc, id: string, origin: unknown): Note | undefined {
  const map = notesMap(doc);
  const note = map.get(id);
  if (note) doc.transact(() => map.delete(id), origin);
  return note;
}

export function getNote(doc: Y.Doc, id: string): Note | undefined {
  return notesMap(doc).get(id);
}

/** Replaces a note's text, keeping who wrote it and when. Returns false if the note is gone. */
export function editNote(doc: Y.Doc, id: string, text: string, now: number = Date.now()): boolean {
  const problem = validateNoteText(text);
  if (problem) throw new Error(problem);
  const map = notesMap(doc);
  const current = map.get(id);
  if (!current) return false;
  doc.transact(() => map.set(id, { ...current, text: text.trim(), editedAt: now }), 'local');
  return true;
}

/** All notes, oldest first (ties broken by id so every client shows the same order). */
export function selectNotes(doc: Y.Doc): readonly Note[] {
  const notes = Array.from(notesMap(doc).values());
  notes.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return notes;
}

/** Subscribes to any change of the notes; returns the unsubscribe function. */
export function observeNotes(doc: Y.Doc, onChange: () => void): () => void {
  const map = notesMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
