/**
 * Where everything on a run chart goes, in pixels: the plot area, ticks with their labels, the
 * points (flagged when part of a signal), the median line and the PDSA cycle markers. Pure
 * geometry; the words come in from the caller (title, labels, formatters), so the same layout
 * serves the screen in either language and the exports.
 */
import type { ImprovementDirection, RunChartAnalysis, SignalKind } from '../improvement/run-chart-rules';
import { fitText, px, textWidth, wrapText } from './scene';
import { dateTicks, dayNumber, niceScale, type DateTickUnit } from './ticks';

export interface RunChartAnnotation {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Short label, e.g. "PDSA 1". */
  readonly label: string;
}

export interface RunChartLayoutInput {
  /** The analysis (its `points` are what is drawn, sorted by date). */
  readonly analysis: RunChartAnalysis;
  /** The measure's name. */
  readonly title: string;
  /** Unit of the values, shown by the y axis (e.g. "%", "minuter"). */
  readonly unit?: string;
  /** A line under the title, e.g. "Lägre är bättre" (the caller's words). */
  readonly subtitle?: string;
  readonly annotations?: readonly RunChartAnnotation[];
  /** The `<desc>` text: what the chart signals, in words (see describeRunChart). */
  readonly description?: string;
  /** Legend text for points that are part of a signal (drawn only when there are some). */
  readonly signalLegend?: string;
  /** Label of the median line before its value; default "Median". */
  readonly medianLabel?: string;
  readonly width?: number;
  readonly height?: number;
  /** Tick and table dates; `unit` says how fine the ticks are (a month tick may say just "mars"). */
  readonly formatDate?: (iso: string, unit: DateTickUnit) => string;
  readonly formatValue?: (value: number) => string;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutPoint {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly date: string;
  readonly value: number;
  readonly note?: string;
  /** Part of a shift, trend or astronomical point (drawn as a diamond in the signal colour). */
  readonly signal: boolean;
  readonly kinds: readonly SignalKind[];
}

export interface LaidOutAnnotation {
  readonly date: string;
  readonly label: string;
  readonly x: number;
  /** The label's baseline and anchor point. */
  readonly labelX: number;
  readonly labelY: number;
  readonly anchor: 'start' | 'end';
  /** Where the marker line starts (under the label) and ends (the plot's bottom). */
  readonly y1: number;
  readonly y2: number;
}

export interface RunChartLayout {
  readonly kind: 'run-chart';
  readonly width: number;
  readonly height: number;
  /** The whole title (the SVG's `<title>`); drawn as `titleLines`. */
  readonly title: string;
  /**
   * The title broken into lines that fit beside the legend (at most three, the last ending in "…"
   * when even that is too little), each with its baseline; the header below moves down with them.
   */
  readonly titleLines: readonly { readonly text: string; readonly y: number }[];
  /** Where the title's lines are drawn (for keeping other labels clear of it). */
  readonly titleBox: Rect;
  readonly subtitle: string | null;
  /** Baselines of the subtitle and the unit line (0 when there is none). */
  readonly subtitleY: number;
  readonly unitY: number;
  readonly description: string;
  readonly unit: string | null;
  readonly direction: ImprovementDirection;
  readonly plot: Rect;
  readonly xTicks: readonly { readonly x: number; readonly iso: string; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number; readonly label: string }[];
  readonly points: readonly LaidOutPoint[];
  /** The median line: solid over the baseline, dashed beyond it (x1 → xBaselineEnd → x2). */
  readonly median: {
    readonly y: number;
    readonly value: number;
    readonly x1: number;
    readonly xBaselineEnd: number;
    readonly x2: number;
    readonly label: string;
    /** The label's baseline (right-aligned at x2 − 4): above the line, or under it when the line is at the plot's top. */
    readonly labelY: number;
    readonly labelBox: Rect;
  } | null;
  readonly annotations: readonly LaidOutAnnotation[];
  /** The signal legend at the header's right (a diamond, then the text), when any point signals. */
  readonly legend: { readonly x: number; readonly y: number; readonly label: string; readonly box: Rect } | null;
  /** Font sizes used, so the scene and the React view agree. */
  readonly fontSize: number;
  readonly titleSize: number;
}

export const RUN_CHART_DEFAULT_SIZE = { width: 720, height: 380 } as const;

const FONT = 12;
const TITLE = 16;
const ROW = 16;
/** Distance between the baselines of two title lines. */
const TITLE_LINE = 20;
const TITLE_X = 12;
/** Room kept free between the title and the legend beside it. */
const LEGEND_GAP = 16;

const defaultDate = (iso: string): string => iso;
const defaultValue = (value: number): string => String(Math.round(value * 100) / 100);

/** Annotation labels in rows above the plot, each in the first row where it does not overlap. */
function placeAnnotations(
  items: readonly { date: string; label: string; x: number }[],
  plot: Rect,
  bandTop: number,
): { placed: LaidOutAnnotation[]; rows: number } {
  const rowsEnd: number[] = [];
  const placed = items.map((item) => {
    const label = fitText(item.label, plot.width / 2, FONT - 1);
    const width = textWidth(label, FONT - 1);
    const anchor: 'start' | 'end' = item.x + 3 + width > plot.x + plot.width ? 'end' : 'start';
    const left = anchor === 'start' ? item.x : item.x - width - 3;
    let row = rowsEnd.findIndex((end) => end + 6 <= left);
    if (row === -1) {
      row = rowsEnd.length;
      rowsEnd.push(0);
    }
    rowsEnd[row] = left + width + 3;
    return { row, label, anchor, item };
  });
  return {
    rows: rowsEnd.length,
    placed: placed.map(({ row, label, anchor, item }) => ({
      date: item.date,
      label,
      x: item.x,
      labelX: px(anchor === 'start' ? item.x + 3 : item.x - 3),
      labelY: px(bandTop + row * ROW + FONT),
      anchor,
      y1: px(bandTop + row * ROW + FONT + 4),
      y2: px(plot.y + plot.height),
    })),
  };
}

/** Lays out a run chart. Points and annotations with dates that do not parse are left out. */
export function layoutRunChart(input: RunChartLayoutInput): RunChartLayout {
  const width = input.width ?? RUN_CHART_DEFAULT_SIZE.width;
  const height = input.height ?? RUN_CHART_DEFAULT_SIZE.height;
  const formatDate = input.formatDate ?? defaultDate;
  const formatValue = input.formatValue ?? defaultValue;
  const { analysis } = input;
  const points = analysis.points.map((p, index) => ({ p, index, day: dayNumber(p.date) })).filter((e) => Number.isFinite(e.day));
  const annotations = (input.annotations ?? []).map((a) => ({ ...a, day: dayNumber(a.date) })).filter((a) => Number.isFinite(a.day));

  // Vertical scale: the values and the median, widened to nice steps.
  const values = points.map((e) => e.p.value);
  const centre = analysis.median;
  const lo = Math.min(...values, ...(centre === null ? [] : [centre]));
  const hi = Math.max(...values, ...(centre === null ? [] : [centre]));
  const y = niceScale(Number.isFinite(lo) ? lo : 0, Number.isFinite(hi) ? hi : 1, Math.max(3, Math.floor(height / 70)));
  const yLabels = y.ticks.map((v) => formatValue(v));
  const left = Math.max(36, Math.max(...yLabels.map((l) => textWidth(l, FONT))) + 18);

  // Horizontal scale: whole days, padded so no point sits on an axis.
  const days = [...points.map((e) => e.day), ...annotations.map((a) => a.day)];
  const first = days.length ? Math.min(...days) : 0;
  const last = days.length ? Math.max(...days) : 1;
  const pad = last === first ? 3 : Math.max(1, (last - first) * 0.04);
  const from = first - pad;
  const to = last + pad;

  // Vertical space: title (wrapped beside the legend), subtitle, annotation rows, plot, x labels.
  const right = 16;
  const titleY = 8 + TITLE;
  const legend = legendFor(input.signalLegend, analysis.pointSignals.some((k) => k.length > 0), width, right, titleY);
  const titleWidth = Math.max(80, (legend ? legend.box.x - LEGEND_GAP : width - right) - TITLE_X);
  const lines = wrapText(input.title, titleWidth, TITLE, true);
  const titleLines = (lines.length ? lines : ['']).map((text, i) => ({ text, y: titleY + i * TITLE_LINE }));
  const lastTitleY = titleY + (titleLines.length - 1) * TITLE_LINE;
  const titleBox: Rect = {
    x: TITLE_X,
    y: titleY - TITLE,
    width: Math.max(0, ...titleLines.map((l) => textWidth(l.text, TITLE, true))),
    height: lastTitleY - titleY + TITLE + 4,
  };
  const subtitle = input.subtitle?.trim() ? input.subtitle.trim() : null;
  const unit = input.unit?.trim() ? input.unit.trim() : null;
  const subtitleY = subtitle ? lastTitleY + ROW + 2 : 0;
  const unitY = unit ? (subtitle ? subtitleY : lastTitleY) + ROW : 0;
  const headerBottom = lastTitleY + (subtitle ? ROW + 2 : 0) + (unit ? ROW : 0) + 8;
  const plotX = left;
  const plotWidth = Math.max(40, width - left - right);
  const xOf = (day: number) => px(plotX + ((day - from) / (to - from)) * plotWidth);
  const provisional: Rect = { x: plotX, y: headerBottom, width: plotWidth, height: 0 };
  const annotationItems = annotations.sort((a, b) => a.day - b.day).map((a) => ({ date: a.date, label: a.label, x: xOf(a.day) }));
  const rowsNeeded = placeAnnotations(annotationItems, provisional, headerBottom).rows;
  const plotY = headerBottom + rowsNeeded * ROW + (rowsNeeded ? 4 : 8);
  const plot: Rect = { x: plotX, y: plotY, width: plotWidth, height: Math.max(40, height - plotY - 34) };
  const yOf = (value: number) => px(plot.y + plot.height - ((value - y.min) / (y.max - y.min)) * plot.height);

  const sampleWidth = textWidth(formatDate('2026-12-28', 'day'), FONT) + 14;
  const xTickSet = dateTicks(Math.ceil(from), Math.floor(to), Math.max(2, Math.floor(plot.width / sampleWidth)));
  const baselineEnd = points[Math.min(points.length, analysis.baselineCount) - 1];

  return {
    kind: 'run-chart',
    width,
    height,
    title: input.title,
    titleLines,
    titleBox,
    subtitle,
    subtitleY,
    unitY,
    description: input.description ?? '',
    unit,
    direction: analysis.direction,
    plot,
    xTicks: xTickSet.ticks.map((t) => ({ x: xOf(t.day), iso: t.iso, label: formatDate(t.iso, xTickSet.unit) })),
    yTicks: y.ticks.map((value, i) => ({ y: yOf(value), value, label: yLabels[i] ?? '' })),
    points: points.map(({ p, index, day }) => ({
      index,
      x: xOf(day),
      y: yOf(p.value),
      date: p.date,
      value: p.value,
      ...(p.note ? { note: p.note } : {}),
      signal: (analysis.pointSignals[index] ?? []).length > 0,
      kinds: analysis.pointSignals[index] ?? [],
    })),
    median:
      centre === null || points.length === 0
        ? null
        : medianFor(centre, plot, yOf(centre), `${input.medianLabel ?? 'Median'} ${formatValue(centre)}`, analysis.baselineCount < analysis.points.length && baselineEnd ? xOf(baselineEnd.day) : plot.x + plot.width),
    annotations: placeAnnotations(annotationItems, plot, headerBottom).placed,
    legend,
    fontSize: FONT,
    titleSize: TITLE,
  };
}

function legendFor(text: string | undefined, any: boolean, width: number, right: number, titleY: number): RunChartLayout['legend'] {
  if (!text?.trim() || !any) return null;
  const label = fitText(text.trim(), width / 3, FONT);
  const x = px(width - right - textWidth(label, FONT) - 16);
  // The diamond (12 px wide, centred 5 px in) and the text 16 px in.
  return { x, y: titleY, label, box: { x: x - 1, y: titleY - FONT, width: textWidth(label, FONT) + 17, height: FONT + 4 } };
}

/**
 * The median line and its label at the plot's right end. The label sits above the line, inside
 * the plot; when the line runs along the plot's top that would put it among the cycle labels and
 * the header, so it goes under the line instead.
 */
function medianFor(value: number, plot: Rect, y: number, label: string, xBaselineEnd: number): NonNullable<RunChartLayout['median']> {
  const above = y - 6 - FONT >= plot.y;
  const labelY = px(above ? y - 6 : y + FONT + 4);
  const labelWidth = textWidth(label, FONT, true);
  const x2 = plot.x + plot.width;
  return {
    y,
    value,
    x1: plot.x,
    xBaselineEnd,
    x2,
    label,
    labelY,
    labelBox: { x: px(x2 - 4 - labelWidth), y: px(labelY - FONT), width: px(labelWidth), height: FONT + 3 },
  };
}
