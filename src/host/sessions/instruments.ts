import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { tallyMarks } from '../../core/instruments/marks';
import { matrixFromCounts } from '../../core/instruments/partnership-matrix';
import type { PartnershipMatrix, PartnershipMatrixConfig } from '../../core/instruments/partnership-matrix';
import { isSide, resolveSide } from '../../core/instruments/seven-questions';
import type { SevenQuestionsConfig } from '../../core/instruments/seven-questions';
import { answerKey, publishResult, selectAnswerRecords, selectSevenResult, sevenResultsMap, vaultAnswers } from '../../core/instruments/seven-questions-results';
import type { SevenQuestionsResult } from '../../core/instruments/seven-questions-results';
import { findStep } from '../../core/workshop/agenda';
import type { Step } from '../../core/workshop/agenda';
import { selectRunState } from '../../core/workshop/run-state';
import { stepConfig } from '../../core/workshop/step-types';
import type { AnswersBody, AnswersResponse } from '../../contracts/instruments';
import type { Identity } from '../auth/identity';
import { recordAnswered } from './answered';
import type { LiveSession } from './live-session';

/**
 * The instruments' host-side actions (issue #4), where a Yjs document alone cannot keep the rule:
 *
 * Seven questions. A participant's answers arrive by HTTP and are kept in the facilitator-only
 * vault under a respondent key = SHA-256 of the step and the participant's own token. The token
 * exists only on the participant's device (the host stores its hash, a different hash), so the
 * vault names nobody, yet the same device finds and replaces its own answers. The room sees only
 * what `publishAnswers` writes to control: counts per side under the small-group rule, once,
 * after which the step takes no more answers and the individual answers are deleted.
 */
type ParticipantIdentity = Extract<Identity, { kind: 'participant' }>;

export function respondentKey(sessionId: string, stepId: string, token: string): string {
  return createHash('sha256').update(`samskapa/seven-questions\u0000${sessionId}\u0000${stepId}\u0000${token}`).digest('hex').slice(0, 32);
}

function sevenQuestionsStep(session: LiveSession, stepId: string): { step: Step; config: SevenQuestionsConfig } {
  const step = findStep(session.rooms.control.doc, stepId);
  const config = step?.type === 'seven-questions' ? stepConfig<SevenQuestionsConfig>(step) : null;
  if (!step || !config) throw new DomainError('not-found', `no seven-questions step ${stepId}`);
  return { step, config };
}

/** Stores (or replaces) one person's answers to the running seven-questions step. */
export function submitAnswers(session: LiveSession, identity: ParticipantIdentity, token: string, body: AnswersBody): AnswersResponse {
  const control = session.rooms.control.doc;
  const run = selectRunState(control);
  const step = findStep(control, body.stepId);
  const config = step?.type === 'seven-questions' ? stepConfig<SevenQuestionsConfig>(step) : null;
  if (!step || !config || run.currentStepId !== step.id || run.locked || selectSevenResult(control, step.id)) throw new DomainError('step-closed');
  const asked = new Set<string>(config.questionIds);
  const stray = Object.keys(body.answers).filter((q) => !asked.has(q));
  if (stray.length > 0) throw new DomainError('bad-request', `not asked in this step: ${stray.join(', ')}`);
  const side = resolveSide(identity.participant.role, body.side, config.otherRole);
  if (!isSide(side)) throw new DomainError('bad-request', side);
  const key = answerKey(step.id, respondentKey(session.id, step.id, token));
  session.hostWrite('vault', (vault) => vaultAnswers(vault).set(key, { side, answers: body.answers }));
  recordAnswered(session, step.id, identity);
  return { stepId: step.id, side, answers: body.answers };
}

/** The person's own answers, found by their token (empty once published: the answers are gone). */
export function ownAnswers(session: LiveSession, token: string, stepId: string): AnswersResponse {
  sevenQuestionsStep(session, stepId);
  const record = vaultAnswers(session.rooms.vault.doc).get(answerKey(stepId, respondentKey(session.id, stepId, token)));
  return { stepId, side: record?.side ?? null, answers: record?.answers ?? {} };
}

/**
 * Publishes the step's results to control and closes it for answers (publishing twice returns the
 * first result: a second publication after one more answer would reveal that answer). Individual
 * answers are then deleted from the vault: the aggregate is all the workshop needs.
 */
export function publishAnswers(session: LiveSession, stepId: string, now = Date.now()): SevenQuestionsResult {
  const { step, config } = sevenQuestionsStep(session, stepId);
  const existing = selectSevenResult(session.rooms.control.doc, step.id);
  if (existing) return existing;
  const records = selectAnswerRecords(session.rooms.vault.doc, step.id);
  const result = publishResult(records, config.questionIds, config.threshold, step.id, now);
  session.hostWrite('control', (control) => sevenResultsMap(control).set(step.id, result));
  session.hostWrite('vault', (vault) => {
    const map = vaultAnswers(vault);
    for (const key of [...map.keys()]) if (key.startsWith(`${step.id}|`)) map.delete(key);
  });
  return result;
}

/**
 * A partnership-matrix step's matrix: one group's, or — without a group — every group's marks
 * counted together. A cell counts when at least the step's `minMarks` people marked it.
 */
export function matrixOf(session: LiveSession, stepId: string, groupId: string | null | undefined): PartnershipMatrix {
  const step = findStep(session.rooms.control.doc, stepId);
  const config = step?.type === 'partnership-matrix' ? stepConfig<PartnershipMatrixConfig>(step) : null;
  if (!step || !config) throw new DomainError('not-found', `no partnership-matrix step ${stepId}`);
  const tally = tallyMarks(session.rooms.board.doc, step.id);
  if (groupId !== undefined && groupId !== null) return matrixFromCounts(tally.get(groupId), config.minMarks);
  const all = new Map<string, number>();
  for (const cells of tally.values()) for (const [cell, n] of cells) all.set(cell, (all.get(cell) ?? 0) + n);
  return matrixFromCounts(all, config.minMarks);
}
