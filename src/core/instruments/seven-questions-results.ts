import type * as Y from 'yjs';
import type { AnswerSet } from './seven-questions';
import { ANSWERS } from './vocabulary';
import type { Answer, SevenQuestionId, Side } from './vocabulary';

/**
 * What the seven questions show the room: counts per question per side, never a person's answers.
 *
 * The small-group rule: for each question and side, the counts are published only when at least
 * `threshold` people on that side answered that question ("vet inte" counts as an answer here);
 * otherwise the cell is null and the view says "för få svar". Results are published once, when
 * the facilitator closes answering, so nobody can read a late answer off the difference between
 * two publications.
 *
 * The gap: per side, the share answering "ja" among those who took a position (ja + delvis + nej;
 * "vet inte" is left out of the base, because not knowing is not a "no"), and the gap in
 * percentage points = staff share − patient share: positive when staff believe they do more than
 * patients experience ("gapet mellan det vi tror att vi gör och det vi faktiskt gör", 001 L554).
 */

export type AnswerCounts = Readonly<Record<Answer, number>>;

/** One respondent's stored answers (in the vault; never in a document participants can read). */
export interface AnswerRecord {
  readonly side: Side;
  readonly answers: AnswerSet;
}

export interface PublishedSide {
  /** People who answered at least one question on this side. */
  readonly respondents: number;
  /** Counts per question; null = fewer than the threshold answered it ("för få svar"). */
  readonly questions: Readonly<Partial<Record<SevenQuestionId, AnswerCounts | null>>>;
  /** How many answered "ja" to every question asked; null when fewer than the threshold answered all. */
  readonly allJa: number | null;
}

export interface SevenQuestionsResult {
  readonly stepId: string;
  readonly questionIds: readonly SevenQuestionId[];
  readonly threshold: number;
  readonly publishedAt: number;
  readonly sides: Readonly<Record<Side, PublishedSide>>;
}

function emptyCounts(): Record<Answer, number> {
  return { ja: 0, delvis: 0, nej: 0, 'vet-inte': 0 };
}

export function countTotal(counts: AnswerCounts): number {
  return ANSWERS.reduce((sum, a) => sum + counts[a], 0);
}

/** Whether a group of `n` answers may be shown under the small-group rule. */
export function mayShow(n: number, threshold: number): boolean {
  return n >= threshold;
}

/** Counts one side's answers to one question (no rule applied: host-internal). */
export function countAnswers(records: readonly AnswerRecord[], side: Side, questionId: SevenQuestionId): AnswerCounts {
  const counts = emptyCounts();
  for (const record of records) {
    const answer = record.side === side ? record.answers[questionId] : undefined;
    if (answer) counts[answer] += 1;
  }
  return counts;
}

/** The aggregate the host publishes, with the small-group rule applied to every cell. */
export function publishResult(
  records: readonly AnswerRecord[],
  questionIds: readonly SevenQuestionId[],
  threshold: number,
  stepId: string,
  now: number,
): SevenQuestionsResult {
  const side = (s: Side): PublishedSide => {
    const mine = records.filter((r) => r.side === s && questionIds.some((q) => r.answers[q]));
    const questions: Partial<Record<SevenQuestionId, AnswerCounts | null>> = {};
    for (const q of questionIds) {
      const counts = countAnswers(mine, s, q);
      questions[q] = mayShow(countTotal(counts), threshold) ? counts : null;
    }
    const complete = mine.filter((r) => questionIds.every((q) => r.answers[q]));
    const allJa = mayShow(complete.length, threshold) ? complete.filter((r) => questionIds.every((q) => r.answers[q] === 'ja')).length : null;
    return { respondents: mine.length, questions, allJa };
  };
  return { stepId, questionIds: [...questionIds], threshold, publishedAt: now, sides: { patient: side('patient'), staff: side('staff') } };
}

/** Share answering "ja" among those who took a position (vet inte left out), or null when nobody did. */
export function shareJa(counts: AnswerCounts | null | undefined): number | null {
  if (!counts) return null;
  const base = counts.ja + counts.delvis + counts.nej;
  return base === 0 ? null : counts.ja / base;
}

export interface GapRow {
  readonly questionId: SevenQuestionId;
  readonly patient: number | null;
  readonly staff: number | null;
  /** staff − patient in percentage points; null when either side is hidden or took no position. */
  readonly gapPoints: number | null;
}

/** The side-by-side view: per question, each side's share of "ja" and the gap between them. */
export function gapRows(result: SevenQuestionsResult): GapRow[] {
  return result.questionIds.map((questionId) => {
    const patient = shareJa(result.sides.patient.questions[questionId]);
    const staff = shareJa(result.sides.staff.questions[questionId]);
    return { questionId, patient, staff, gapPoints: patient === null || staff === null ? null : (staff - patient) * 100 };
  });
}

/** Rounds a share (0..1) or a gap to whole percentage points for display (half away from zero). */
export function toPoints(value: number | null, isShare = true): number | null {
  if (value === null) return null;
  const points = isShare ? value * 100 : value;
  return Math.sign(points) * Math.round(Math.abs(points));
}

/** Published results live in control `sevenResults`, keyed by step id, written by the host only. */
export function sevenResultsMap(control: Y.Doc): Y.Map<SevenQuestionsResult> {
  return control.getMap<SevenQuestionsResult>('sevenResults');
}

export function selectSevenResult(control: Y.Doc, stepId: string): SevenQuestionsResult | undefined {
  return sevenResultsMap(control).get(stepId);
}

/**
 * Stored answers: vault `sevenAnswers`, key `<stepId>|<respondentKey>`. The respondent key is a
 * hash the host derives from the participant's token (host/sessions/instruments.ts), so the vault
 * names no participant; only the device that answered can find its answers again.
 */
export function vaultAnswers(vault: Y.Doc): Y.Map<AnswerRecord> {
  return vault.getMap<AnswerRecord>('sevenAnswers');
}

export function answerKey(stepId: string, respondentKey: string): string {
  return `${stepId}|${respondentKey}`;
}

export function selectAnswerRecords(vault: Y.Doc, stepId: string): AnswerRecord[] {
  const prefix = `${stepId}|`;
  return [...vaultAnswers(vault).entries()].filter(([key]) => key.startsWith(prefix)).map(([, record]) => record);
}

