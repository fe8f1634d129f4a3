import { DomainError } from '../../core/errors';
import { createNote, putNote, takeNote } from '../../core/workshop/board';
import { findStep } from '../../core/workshop/agenda';
import { groupOf, selectGroups } from '../../core/workshop/groups';
import { hiddenMap, selectPending, vaultHidden, vaultPending } from '../../core/workshop/moderation';
import { isRevealed, markRevealed, selectRunState } from '../../core/workshop/run-state';
import { HOST_ORIGIN } from '../../core/workshop/origins';
import { stepConfig, stepType } from '../../core/workshop/step-types';
import type { PrivateNoteResponse } from '../../contracts/http';
import type { Identity } from '../auth/identity';
import { recordAnswered } from './answered';
import type { LiveSession } from './live-session';

/**
 * What the host does on the facilitator's and participants' behalf where Yjs alone cannot keep a
 * rule: private notes of silent writing (kept in the facilitator-only vault until revealed), and
 * hiding notes (moved out of the shared board, so no participant's client receives them again).
 */
export function addPrivateNote(session: LiveSession, identity: Identity, stepId: string, text: string, now = Date.now(), questionId?: string): PrivateNoteResponse {
  if (identity.kind !== 'participant') throw new DomainError('forbidden');
  const control = session.rooms.control.doc;
  const run = selectRunState(control);
  const step = findStep(control, stepId);
  // Any step type that keeps notes private until revealed takes them here (silent writing, reflection).
  const type = step ? stepType(step.type) : undefined;
  if (!step || run.currentStepId !== stepId || run.locked || !type?.privateUntilReveal || isRevealed(control, stepId)) {
    throw new DomainError('step-closed');
  }
  const config = stepConfig(step);
  if (questionId !== undefined && (config === null || !type.noteQuestionIds?.(config).includes(questionId))) {
    throw new DomainError('bad-request', `no question ${questionId} in this step`);
  }
  // The step may make its notes anonymous whoever writes them: no name and no id, the role stays.
  const anonymous = identity.participant.anonymous || (config !== null && type.anonymousNotes?.(config) === true);
  const { participant: writer } = identity;
  const group = step.groupMode === 'groups' ? groupOf(selectGroups(control), writer.id) : undefined;
  let note;
  try {
    note = createNote(
      text,
      { role: writer.role, anonymous, name: writer.name ?? undefined, pseudonym: identity.pseudonym },
      { stepId, ...(group ? { groupId: group.id } : {}), ...(questionId ? { questionId } : {}) },
      now,
    );
  } catch {
    throw new DomainError('bad-request', 'the note is empty or too long');
  }
  session.hostWrite('vault', (vault) => vaultPending(vault).set(note.id, note));
  recordAnswered(session, stepId, identity);
  return { id: note.id, text: note.text, createdAt: note.createdAt };
}

/** Moves a silent-writing step's notes onto the board, for everyone to see. Returns how many. */
export function revealStep(session: LiveSession, stepId: string): number {
  const control = session.rooms.control.doc;
  if (!findStep(control, stepId)) throw new DomainError('not-found', `no step ${stepId}`);
  const notes = selectPending(session.rooms.vault.doc, stepId);
  const hidden = hiddenMap(control);
  session.hostWrite('board', (board) => {
    for (const note of notes) if (!hidden.has(note.id)) putNote(board, note, HOST_ORIGIN);
  });
  session.hostWrite('vault', (vault) => {
    for (const note of notes) vaultPending(vault).delete(note.id);
  });
  session.hostWrite('control', (doc) => markRevealed(doc, stepId, HOST_ORIGIN));
  return notes.length;
}

/** Takes a note off the board into the vault. Nothing is destroyed; `restoreNote` brings it back. */
export function hideNote(session: LiveSession, noteId: string, now = Date.now()): void {
  let taken;
  session.hostWrite('board', (board) => {
    taken = takeNote(board, noteId, HOST_ORIGIN);
  });
  const pending = vaultPending(session.rooms.vault.doc).get(noteId);
  const note = taken ?? pending;
  if (!note) throw new DomainError('not-found', `no note ${noteId}`);
  session.hostWrite('vault', (vault) => {
    vaultHidden(vault).set(noteId, note);
    vaultPending(vault).delete(noteId);
  });
  session.hostWrite('control', (doc) => hiddenMap(doc).set(noteId, { noteId, hiddenAt: now }));
}

export function restoreNote(session: LiveSession, noteId: string): void {
  const note = vaultHidden(session.rooms.vault.doc).get(noteId);
  if (!note) throw new DomainError('not-found', `no hidden note ${noteId}`);
  const control = session.rooms.control.doc;
  const waiting = note.stepId !== undefined && stepType(findStep(control, note.stepId)?.type ?? '')?.privateUntilReveal && !isRevealed(control, note.stepId);
  session.hostWrite('board', (board) => {
    if (!waiting) putNote(board, note, HOST_ORIGIN);
  });
  session.hostWrite('vault', (vault) => {
    vaultHidden(vault).delete(noteId);
    if (waiting) vaultPending(vault).set(noteId, note);
  });
  session.hostWrite('control', (doc) => hiddenMap(doc).delete(noteId));
}
