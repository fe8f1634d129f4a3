/**
 * The seven questions' gap chart for documents and images: per question, the patients' and the
 * staff's answers as two horizontal stacked bars (ja, delvis, nej, vet inte), with the gap in
 * percentage points at the right. The same numbers and rounding as the live view
 * (seven-questions-results.ts: `gapRows`, `toPoints`); a side under the small-group threshold is
 * drawn as an empty, labelled bar, never as numbers.
 */
import { countTotal, gapRows, toPoints, type AnswerCounts, type SevenQuestionsResult } from '../instruments/seven-questions-results';
import { ANSWERS, SIDES, type Answer, type SevenQuestionId, type Side } from '../instruments/vocabulary';
import { fitText, px, textWidth } from './scene';

export interface GapChartLabels {
  /** The question's heading, e.g. "1. Delaktighet". */
  readonly question: (id: SevenQuestionId) => string;
  readonly side: Readonly<Record<Side, string>>;
  readonly answer: Readonly<Record<Answer, string>>;
  /** Shown in a hidden side's bar, e.g. "För få svar (färre än 3)". */
  readonly tooFew: string;
  /** "12 svar" under the side's name. */
  readonly answers: (count: number) => string;
  /** The gap column's value, e.g. "+25 p.e." (null gap: not drawn). */
  readonly gap: (points: number) => string;
  /** The gap column's heading, e.g. "Gap". */
  readonly gapHeading: string;
}

export interface GapChartLayoutInput {
  readonly result: SevenQuestionsResult;
  readonly title: string;
  readonly description?: string;
  readonly labels: GapChartLabels;
  readonly width?: number;
  /** Whole percent → text; default "54 %". */
  readonly formatPercent?: (percent: number) => string;
}

export interface GapSegment {
  readonly answer: Answer;
  readonly x: number;
  readonly width: number;
  readonly count: number;
  readonly percent: number;
  /** The text drawn inside the segment, or null when it does not fit. */
  readonly label: string | null;
}

export interface GapBar {
  readonly side: Side;
  readonly sideLabel: string;
  readonly countLabel: string | null;
  readonly y: number;
  readonly height: number;
  readonly x: number;
  readonly width: number;
  /** Null when the side is hidden under the small-group rule; `hiddenLabel` says why. */
  readonly segments: readonly GapSegment[] | null;
  readonly hiddenLabel: string | null;
}

export interface GapQuestionRow {
  readonly questionId: SevenQuestionId;
  readonly heading: string;
  readonly headingY: number;
  readonly bars: readonly GapBar[];
  readonly gapLabel: string | null;
  readonly gapY: number;
}

export interface GapChartLayout {
  readonly kind: 'gap-chart';
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly legend: readonly { readonly answer: Answer; readonly x: number; readonly y: number; readonly label: string }[];
  readonly gapHeading: { readonly x: number; readonly y: number; readonly label: string };
  readonly rows: readonly GapQuestionRow[];
  readonly fontSize: number;
  readonly titleSize: number;
}

const FONT = 12;
const TITLE = 16;
const BAR = 22;
const SWATCH = 18;

/** Whole percents of all answers on a side, rounded as the live view rounds them. */
function percents(counts: AnswerCounts): number[] {
  const total = countTotal(counts);
  return ANSWERS.map((a) => (total === 0 ? 0 : (toPoints(counts[a] / total) ?? 0)));
}

function segmentsFor(counts: AnswerCounts, x: number, width: number, label: (answer: Answer, percent: number) => string): GapSegment[] {
  const total = countTotal(counts);
  const whole = percents(counts);
  let cursor = x;
  return ANSWERS.flatMap((answer, i) => {
    const count = counts[answer];
    if (count === 0 || total === 0) return [];
    const w = (count / total) * width;
    const text = label(answer, whole[i] ?? 0);
    const segment: GapSegment = { answer, x: px(cursor), width: px(w), count, percent: whole[i] ?? 0, label: textWidth(text, FONT - 1, true) + 8 <= w ? text : null };
    cursor += w;
    return [segment];
  });
}

/** Lays out the gap chart; the height grows with the number of questions. */
export function layoutGapChart(input: GapChartLayoutInput): GapChartLayout {
  const width = input.width ?? 720;
  const { labels, result } = input;
  const formatPercent = input.formatPercent ?? ((p: number) => `${p} %`);
  const sideWidth = Math.min(200, Math.max(...SIDES.map((s) => textWidth(labels.side[s], FONT, true)), ...SIDES.map(() => textWidth(labels.answers(999), FONT - 1))) + 16);
  const gapWidth = Math.max(textWidth(labels.gapHeading, FONT, true), textWidth(labels.gap(-100), FONT, true)) + 16;
  const barX = px(12 + sideWidth);
  const barWidth = Math.max(120, width - barX - gapWidth - 12);

  // Legend under the title, wrapping onto more lines when it must.
  const legend: GapChartLayout['legend'][number][] = [];
  let lx = 12;
  let ly = 8 + TITLE + 22;
  for (const answer of ANSWERS) {
    const w = SWATCH + 6 + textWidth(labels.answer[answer], FONT) + 18;
    if (lx + w > width - 12 && lx > 12) {
      lx = 12;
      ly += 22;
    }
    legend.push({ answer, x: lx, y: ly, label: labels.answer[answer] });
    lx += w;
  }

  let y = ly + 20;
  const gapHeading = { x: width - 12, y: y + FONT, label: labels.gapHeading };
  const rows = gapRows(result).map((row): GapQuestionRow => {
    const headingY = y + FONT + 14;
    const bars = SIDES.map((side, i): GapBar => {
      const counts = result.sides[side].questions[row.questionId];
      const barY = headingY + 8 + i * (BAR + 8);
      return {
        side,
        sideLabel: fitText(labels.side[side], sideWidth - 8, FONT, true),
        countLabel: counts ? labels.answers(countTotal(counts)) : null,
        y: barY,
        height: BAR,
        x: barX,
        width: px(barWidth),
        segments: counts ? segmentsFor(counts, barX, barWidth, (_answer, percent) => formatPercent(percent)) : null,
        hiddenLabel: counts ? null : fitText(labels.tooFew, barWidth - 16, FONT),
      };
    });
    const gapPoints = toPoints(row.gapPoints, false);
    const out: GapQuestionRow = {
      questionId: row.questionId,
      heading: fitText(labels.question(row.questionId), width - 24, FONT + 1, true),
      headingY,
      bars,
      gapLabel: gapPoints === null ? null : labels.gap(gapPoints),
      gapY: headingY + 8 + BAR + 4 + FONT / 2,
    };
    y = headingY + 8 + 2 * BAR + 8 + 6;
    return out;
  });
  return {
    kind: 'gap-chart',
    width,
    height: Math.ceil(y + 12),
    title: input.title,
    description: input.description ?? '',
    legend,
    gapHeading,
    rows,
    fontSize: FONT,
    titleSize: TITLE,
  };
}
