/**
 * What the gap view draws, as plain numbers (tested): per question and side the bar's segments
 * (count and whole-percent of all answers), hidden sides under the small-group rule, and the gap
 * sentence's numbers from the core's arithmetic (share of "ja" among those who took a position).
 */
import { countTotal, gapRows, toPoints, type AnswerCounts, type SevenQuestionsResult } from '../../../../core/instruments/seven-questions-results';
import { ANSWERS, SIDES, type Answer, type SevenQuestionId, type Side } from '../../../../core/instruments/vocabulary';

export interface Segment {
  readonly answer: Answer;
  readonly count: number;
  /** Whole percent of all answers on this side (for the bar and its labels). */
  readonly percent: number;
  /** Exact share 0..1, for the bar's width. */
  readonly share: number;
}

export type SideBar = { readonly hidden: true } | { readonly hidden: false; readonly total: number; readonly segments: readonly Segment[] };

export interface GapQuestion {
  readonly questionId: SevenQuestionId;
  readonly bars: Readonly<Record<Side, SideBar>>;
  /** Whole percent "ja" among ja + delvis + nej; null when hidden or nobody took a position. */
  readonly jaPercent: Readonly<Record<Side, number | null>>;
  /** staff − patient in whole percentage points; null when either side is missing. */
  readonly gapPoints: number | null;
}

/** Whole percents, each rounded as the gap sentence rounds (half away from zero), so the bar and the words agree. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total === 0 ? 0 : (toPoints(c / total) ?? 0)));
}

export function sideBar(counts: AnswerCounts | null | undefined): SideBar {
  if (!counts) return { hidden: true };
  const total = countTotal(counts);
  const percents = wholePercents(ANSWERS.map((a) => counts[a]));
  return {
    hidden: false,
    total,
    segments: ANSWERS.map((answer, i) => ({ answer, count: counts[answer], percent: percents[i] ?? 0, share: total === 0 ? 0 : counts[answer] / total })),
  };
}

export function gapModel(result: SevenQuestionsResult): GapQuestion[] {
  const rows = gapRows(result);
  return rows.map((row) => {
    const bars = Object.fromEntries(SIDES.map((s) => [s, sideBar(result.sides[s].questions[row.questionId])])) as Record<Side, SideBar>;
    return {
      questionId: row.questionId,
      bars,
      jaPercent: { patient: toPoints(row.patient), staff: toPoints(row.staff) },
      gapPoints: toPoints(row.gapPoints, false),
    };
  });
}

/** Which sentence describes a gap: staff higher, patients higher, the same, or not comparable. */
export function gapKind(q: Pick<GapQuestion, 'gapPoints'>): 'staff-higher' | 'patient-higher' | 'same' | 'unknown' {
  if (q.gapPoints === null) return 'unknown';
  if (q.gapPoints > 0) return 'staff-higher';
  if (q.gapPoints < 0) return 'patient-higher';
  return 'same';
}
