import type { Note } from '../workshop/board';
import type { ReportLanguage, ReportNote } from './report-model';
import { roleLabel } from './report-text';

/**
 * Turns stored notes into report notes. The one place that decides whether a name is shown:
 * only when the note itself is not anonymous, carries a name, and its writer (when known) did not
 * join anonymously. Participant ids never leave this function.
 */
export interface NoteContext {
  readonly lang: ReportLanguage;
  /** Group id → its name ("Bord 1"). */
  readonly groupNames: ReadonlyMap<string, string>;
  /** Participant ids of people who joined anonymously (a second guard besides the note's own flag). */
  readonly anonymousIds: ReadonlySet<string>;
}

export function toReportNote(note: Note, ctx: NoteContext): ReportNote {
  const showName = !note.anonymous && typeof note.authorName === 'string' && note.authorName.trim() !== '' && !(note.authorId && ctx.anonymousIds.has(note.authorId));
  const groupName = note.groupId ? (ctx.groupNames.get(note.groupId) ?? undefined) : undefined;
  return {
    id: note.id,
    text: note.text,
    createdAt: note.createdAt,
    role: note.authorRole,
    roleLabel: roleLabel(note.authorRole, ctx.lang),
    ...(showName ? { authorName: note.authorName?.trim() } : {}),
    ...(groupName ? { groupName } : {}),
    onBehalf: note.onBehalf === true,
  };
}

/** Oldest first, ties by id: the order every client shows. */
export function byTime(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Notes per group for a step run in groups: the session's groups in their order, then groups that
 * no longer exist (re-split) by name or "–", then notes written outside any group. A room step
 * gives one entry with no group name.
 */
export function groupNotes(
  notes: readonly Note[],
  grouped: boolean,
  ctx: NoteContext,
  groupOrder: readonly string[],
): { groupName: string | null; notes: ReportNote[] }[] {
  if (!grouped) return notes.length === 0 ? [] : [{ groupName: null, notes: notes.map((n) => toReportNote(n, ctx)) }];
  const columns: (string | null)[] = [...groupOrder];
  for (const note of notes) if (!columns.includes(note.groupId ?? null)) columns.push(note.groupId ?? null);
  return columns
    .map((groupId) => ({
      groupName: groupId === null ? null : (ctx.groupNames.get(groupId) ?? null),
      notes: notes.filter((n) => (n.groupId ?? null) === groupId).map((n) => toReportNote(n, ctx)),
    }))
    .filter((g) => g.notes.length > 0);
}
