import { randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { ReflectionConfigSchema } from '../../core/instruments/reflection';
import { SevenQuestionsConfigSchema } from '../../core/instruments/seven-questions';
import { answerKey, selectSevenResult, vaultAnswers } from '../../core/instruments/seven-questions-results';
import type { AnswerRecord } from '../../core/instruments/seven-questions-results';
import { findStep } from '../../core/workshop/agenda';
import type { Step } from '../../core/workshop/agenda';
import { createNote, putNote, validateNoteText } from '../../core/workshop/board';
import { selectGroups } from '../../core/workshop/groups';
import { vaultPending } from '../../core/workshop/moderation';
import { HOST_ORIGIN } from '../../core/workshop/origins';
import { isRevealed } from '../../core/workshop/run-state';
import type { PaperAnswersBody, PaperAnswersResponse } from '../../contracts/paper-answers';
import type { LiveSession } from './live-session';

/**
 * Answers from people without a device, typed in by the facilitator from the printed handouts.
 *
 * A paper respondent is anonymous by construction: no participant, no token, no name. Seven
 * questions: the form becomes one more record in the vault under a random key starting with
 * `paper-` (the mark that it came from paper), counted with the phones' answers when the
 * facilitator publishes — before that, like any answer, after it, refused: a late answer would be
 * readable off the difference. Reflection: each answer becomes a note marked `onBehalf`, with the
 * role and group the facilitator gives and no name, waiting in the vault until the step is revealed
 * like everyone else's.
 */
export const PAPER_KEY_PREFIX = 'paper-';

/** A stored paper form: an ordinary answer record, marked so an export can say how many came on paper. */
export interface PaperAnswerRecord extends AnswerRecord {
  readonly paper: true;
}

export function addPaperAnswers(session: LiveSession, body: PaperAnswersBody, now = Date.now()): PaperAnswersResponse {
  const step = findStep(session.rooms.control.doc, body.stepId);
  if (!step || step.type !== body.kind) throw new DomainError('not-found', `no ${body.kind} step ${body.stepId}`);
  return body.kind === 'seven-questions' ? addSevenQuestions(session, step, body) : addReflection(session, step, body, now);
}

function addSevenQuestions(session: LiveSession, step: Step, body: Extract<PaperAnswersBody, { kind: 'seven-questions' }>): PaperAnswersResponse {
  const config = SevenQuestionsConfigSchema.safeParse(step.config);
  if (!config.success) throw new DomainError('not-found', `step ${step.id} has no readable config`);
  if (selectSevenResult(session.rooms.control.doc, step.id)) throw new DomainError('step-closed');
  const asked = new Set<string>(config.data.questionIds);
  const stray = Object.keys(body.answers).filter((q) => !asked.has(q));
  if (stray.length > 0) throw new DomainError('bad-request', `not asked in this step: ${stray.join(', ')}`);
  const key = answerKey(step.id, `${PAPER_KEY_PREFIX}${randomBytes(12).toString('hex')}`);
  const record: PaperAnswerRecord = { side: body.side, answers: body.answers, paper: true };
  session.hostWrite('vault', (vault) => vaultAnswers(vault).set(key, record));
  return { stepId: step.id, kind: 'seven-questions', stored: Object.keys(body.answers).length, paperRespondents: paperCount(session, step.id) };
}

function paperCount(session: LiveSession, stepId: string): number {
  const prefix = answerKey(stepId, PAPER_KEY_PREFIX);
  return [...vaultAnswers(session.rooms.vault.doc).keys()].filter((key) => key.startsWith(prefix)).length;
}

function addReflection(session: LiveSession, step: Step, body: Extract<PaperAnswersBody, { kind: 'reflection' }>, now: number): PaperAnswersResponse {
  const config = ReflectionConfigSchema.safeParse(step.config);
  if (!config.success) throw new DomainError('not-found', `step ${step.id} has no readable config`);
  const control = session.rooms.control.doc;
  const prompts = new Set(config.data.prompts.map((p) => p.id));
  const stray = Object.keys(body.answers).filter((id) => !prompts.has(id));
  if (stray.length > 0) throw new DomainError('bad-request', `no prompt ${stray.join(', ')} in this step`);
  if (body.groupId !== undefined && !selectGroups(control).some((g) => g.id === body.groupId)) {
    throw new DomainError('bad-request', `no group ${body.groupId}`);
  }
  const answers = Object.entries(body.answers).filter(([, text]) => validateNoteText(text) === null);
  if (answers.length === 0) throw new DomainError('bad-request', 'write at least one answer');
  const group = step.groupMode === 'groups' && body.groupId ? { groupId: body.groupId } : {};
  const notes = answers.map(([questionId, text], i) =>
    createNote(text, { role: body.role, anonymous: true, onBehalf: true }, { stepId: step.id, questionId, ...group }, now + i),
  );
  // Until the reveal, reflection notes wait in the vault with the phones' private notes.
  if (isRevealed(control, step.id)) session.hostWrite('board', (board) => notes.forEach((note) => putNote(board, note, HOST_ORIGIN)));
  else session.hostWrite('vault', (vault) => notes.forEach((note) => vaultPending(vault).set(note.id, note)));
  return { stepId: step.id, kind: 'reflection', stored: notes.length, paperRespondents: 1 };
}
