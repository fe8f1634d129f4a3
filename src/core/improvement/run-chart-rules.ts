/**
 * The run-chart rules (Perla, Provost & Murray, "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Qual Saf 2011;20:46–51), applied to a
 * measure's dated data points. Pure: data in, a typed analysis out. No text: every finding carries
 * a message key and its parameters, which the renderer (i18next, `charts.runChart.message.*`) and
 * the exports (run-chart-rules-texts.ts) turn into Swedish or English.
 *
 * The rules, as implemented:
 * - Median: of the first `baselinePoints` points (default: all), the centre line for every rule.
 * - Shift: 6 or more consecutive points all above or all below the median. Points exactly on the
 *   median are skipped: they neither count towards nor break a run.
 * - Trend: 5 or more consecutive points all going up or all going down. A point equal to the one
 *   before neither adds to nor breaks the trend ("like values do not make or break a trend").
 * - Number of runs: a run is a sequence of points on one side of the median (on-median points
 *   skipped); too few or too many runs against run-chart-rules-table.ts, judged only with at least
 *   10 points and at least 10 useful observations (points not on the median).
 * - Astronomical point: Perla et al. leave it to judgement ("a blatantly obvious different value").
 *   To make it reproducible we use the modified z-score of Iglewicz & Hoaglin (1993, "How to
 *   detect and handle outliers", ASQC): a point is astronomical when it lies more than
 *   3.5 × 1.4826 × MAD from the median of the OTHER points, MAD being their median absolute
 *   deviation (leave-one-out, so the point cannot hide itself by widening the spread). When the
 *   others' MAD is 0, their mean absolute deviation × 1.2533 stands in for 1.4826 × MAD; when the
 *   others are all equal there is no spread to judge against and no point is called astronomical.
 *   Only with 10 or more points. A point that is part of a shift is not called astronomical: after
 *   a sustained change the new level is a shift (the better news), and the leave-one-out score would
 *   otherwise flag every point of the new level against the many points of the old one.
 * Each shift, trend and astronomical point is marked favourable or not against the measure's
 * direction of improvement; too few/too many runs have no direction.
 */
import { runsLimits, type RunsLimits } from './run-chart-rules-table';

export type ImprovementDirection = 'up' | 'down';

export interface RunChartPoint {
  /** Calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly value: number;
  /** Optional note shown in the table alternative. */
  readonly note?: string;
}

export interface RunChartOptions {
  readonly direction: ImprovementDirection;
  /** Median over the first N points (a baseline); default: all points. Clamped to 1..points. */
  readonly baselinePoints?: number;
}

/** Minimum points for the runs test and the astronomical-point rule. */
export const MIN_POINTS_FOR_RUNS = 10;
export const SHIFT_LENGTH = 6;
export const TREND_LENGTH = 5;
/** Modified z-score limit of Iglewicz & Hoaglin (1993). */
export const ASTRONOMICAL_Z = 3.5;

export type SignalKind = 'shift' | 'trend' | 'runs' | 'astronomical';

export type RunChartMessageKey =
  | 'noData'
  | 'median'
  | 'medianBaseline'
  | 'allEqual'
  | 'shiftAboveFavourable'
  | 'shiftAboveUnfavourable'
  | 'shiftBelowFavourable'
  | 'shiftBelowUnfavourable'
  | 'trendUpFavourable'
  | 'trendUpUnfavourable'
  | 'trendDownFavourable'
  | 'trendDownUnfavourable'
  | 'runsTooFew'
  | 'runsTooMany'
  | 'runsExpected'
  | 'astronomicalHighFavourable'
  | 'astronomicalHighUnfavourable'
  | 'astronomicalLowFavourable'
  | 'astronomicalLowUnfavourable'
  | 'tooFewPoints'
  | 'tooFewUseful'
  | 'noSignal';

/**
 * A message's parameters. Dates (`from`, `to`, `date`) are ISO `YYYY-MM-DD` and numbers are raw:
 * the caller formats them for the language (see `formatMessageParams` in run-chart-rules-texts.ts).
 */
export interface RunChartMessageParams {
  readonly n?: number;
  readonly from?: string;
  readonly to?: string;
  readonly date?: string;
  readonly value?: number;
  readonly median?: number;
  readonly runs?: number;
  readonly low?: number;
  readonly high?: number;
  readonly useful?: number;
  readonly baseline?: number;
  readonly total?: number;
}

export interface RunChartMessage {
  readonly key: RunChartMessageKey;
  readonly params: RunChartMessageParams;
}

export interface RunChartSignal {
  readonly kind: SignalKind;
  /** Indices (into `analysis.points`) of the points that make up the signal. */
  readonly indices: readonly number[];
  /** Which way the signal points (shift above = up); null for too few/too many runs. */
  readonly direction: ImprovementDirection | null;
  /** Whether it is in the direction of improvement; null when it has no direction. */
  readonly favourable: boolean | null;
  readonly message: RunChartMessage;
}

export type RunsTestStatus = 'applied' | 'too-few-points' | 'too-few-useful';

export interface RunChartAnalysis {
  /** The points sorted by date (stable for equal dates): every index refers to this array. */
  readonly points: readonly RunChartPoint[];
  readonly direction: ImprovementDirection;
  /** Null when there are no points. */
  readonly median: number | null;
  /** How many of the first points the median was computed from. */
  readonly baselineCount: number;
  /** Points not on the median. */
  readonly useful: number;
  /** Runs above/below the median (on-median points skipped). */
  readonly runs: number;
  /** The limits used, or null when the runs test was not applied. */
  readonly runsLimits: RunsLimits | null;
  readonly runsTest: RunsTestStatus;
  readonly astronomicalTested: boolean;
  readonly signals: readonly RunChartSignal[];
  /** Per point, the kinds of signal it is part of (empty when none). */
  readonly pointSignals: readonly (readonly SignalKind[])[];
  /** Everything worth saying, in reading order: the median, each signal, then notes. */
  readonly messages: readonly RunChartMessage[];
}

/** The median of a list (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Points sorted by date; equal dates keep their order. Rejects values that are not finite numbers. */
export function sortPoints(points: readonly RunChartPoint[]): RunChartPoint[] {
  for (const p of points) {
    if (!Number.isFinite(p.value)) throw new RangeError(`Run chart value is not a finite number (${p.date})`);
  }
  return points.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i)).map(({ p }) => p);
}

/** −1 below, 0 on, +1 above the median. */
function side(value: number, centre: number): -1 | 0 | 1 {
  return value > centre ? 1 : value < centre ? -1 : 0;
}

interface Run {
  readonly side: -1 | 1;
  readonly indices: number[];
}

/** Runs of useful points on one side of the median, in order. */
export function runsAround(values: readonly number[], centre: number): Run[] {
  const runs: Run[] = [];
  values.forEach((value, index) => {
    const s = side(value, centre);
    if (s === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.side === s) last.indices.push(index);
    else runs.push({ side: s, indices: [index] });
  });
  return runs;
}

interface Trend {
  readonly direction: ImprovementDirection;
  /** First to last index, tied points included. */
  readonly indices: number[];
  /** Points that count (ties left out). */
  readonly length: number;
}

/** Maximal runs of consecutive rises or falls; equal neighbours are skipped, never breaking a trend. */
export function trendsIn(values: readonly number[]): Trend[] {
  const trends: Trend[] = [];
  let direction = 0;
  let start = 0;
  let counted = 1;
  const close = (end: number): void => {
    if (direction !== 0 && counted >= TREND_LENGTH) {
      trends.push({ direction: direction > 0 ? 'up' : 'down', indices: range(start, end), length: counted });
    }
  };
  for (let i = 1; i < values.length; i += 1) {
    const step = Math.sign((values[i] as number) - (values[i - 1] as number));
    if (step === 0) continue;
    if (step === direction) {
      counted += 1;
      continue;
    }
    close(lastChange(values, i - 1));
    direction = step;
    start = i - 1;
    counted = 2;
  }
  close(lastChange(values, values.length - 1));
  return trends;
}

/** A trend ends at its last change, not on trailing ties (they are part of no movement). */
function lastChange(values: readonly number[], end: number): number {
  let i = end;
  while (i > 0 && values[i] === values[i - 1]) i -= 1;
  return i;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Indices of astronomical points under the leave-one-out modified z-score (see the module comment). */
export function astronomicalIndices(values: readonly number[]): number[] {
  if (values.length < MIN_POINTS_FOR_RUNS) return [];
  const found: number[] = [];
  values.forEach((value, index) => {
    const others = values.filter((_, j) => j !== index);
    const centre = median(others);
    const deviations = others.map((x) => Math.abs(x - centre));
    const mad = median(deviations);
    const scale = mad > 0 ? 1.4826 * mad : 1.2533 * (deviations.reduce((a, b) => a + b, 0) / deviations.length);
    if (scale > 0 && Math.abs(value - centre) / scale > ASTRONOMICAL_Z) found.push(index);
  });
  return found;
}

function favourable(direction: ImprovementDirection, wanted: ImprovementDirection): boolean {
  return direction === wanted;
}

function directionalKey(prefix: 'shift' | 'trend' | 'astronomical', dir: ImprovementDirection, good: boolean): RunChartMessageKey {
  const side = prefix === 'shift' ? (dir === 'up' ? 'Above' : 'Below') : prefix === 'trend' ? (dir === 'up' ? 'Up' : 'Down') : dir === 'up' ? 'High' : 'Low';
  return `${prefix}${side}${good ? 'Favourable' : 'Unfavourable'}` as RunChartMessageKey;
}

function shiftSignals(points: readonly RunChartPoint[], runs: readonly Run[], wanted: ImprovementDirection): RunChartSignal[] {
  return runs
    .filter((run) => run.indices.length >= SHIFT_LENGTH)
    .map((run) => {
      const direction: ImprovementDirection = run.side > 0 ? 'up' : 'down';
      const good = favourable(direction, wanted);
      const first = run.indices[0] as number;
      const last = run.indices[run.indices.length - 1] as number;
      return {
        kind: 'shift',
        indices: run.indices,
        direction,
        favourable: good,
        message: { key: directionalKey('shift', direction, good), params: { n: run.indices.length, from: points[first]?.date, to: points[last]?.date } },
      };
    });
}

function trendSignals(points: readonly RunChartPoint[], wanted: ImprovementDirection): RunChartSignal[] {
  return trendsIn(points.map((p) => p.value)).map((trend) => {
    const good = favourable(trend.direction, wanted);
    const first = trend.indices[0] as number;
    const last = trend.indices[trend.indices.length - 1] as number;
    return {
      kind: 'trend',
      indices: trend.indices,
      direction: trend.direction,
      favourable: good,
      message: { key: directionalKey('trend', trend.direction, good), params: { n: trend.length, from: points[first]?.date, to: points[last]?.date } },
    };
  });
}

function astronomicalSignals(points: readonly RunChartPoint[], centre: number, wanted: ImprovementDirection, inShift: ReadonlySet<number>): RunChartSignal[] {
  return astronomicalIndices(points.map((p) => p.value)).filter((index) => !inShift.has(index)).map((index) => {
    const point = points[index] as RunChartPoint;
    const direction: ImprovementDirection = point.value > centre ? 'up' : 'down';
    const good = favourable(direction, wanted);
    return {
      kind: 'astronomical',
      indices: [index],
      direction,
      favourable: good,
      message: { key: directionalKey('astronomical', direction, good), params: { date: point.date, value: point.value } },
    };
  });
}

function runsSignal(runs: readonly Run[], limits: RunsLimits): RunChartSignal | null {
  const count = runs.length;
  if (count >= limits.low && count <= limits.high) return null;
  return {
    kind: 'runs',
    indices: runs.flatMap((run) => run.indices),
    direction: null,
    favourable: null,
    message: { key: count < limits.low ? 'runsTooFew' : 'runsTooMany', params: { runs: count, low: limits.low, high: limits.high, useful: limits.useful } },
  };
}

function runsStatus(total: number, useful: number): RunsTestStatus {
  if (total < MIN_POINTS_FOR_RUNS) return 'too-few-points';
  return useful < MIN_POINTS_FOR_RUNS ? 'too-few-useful' : 'applied';
}

function emptyAnalysis(direction: ImprovementDirection): RunChartAnalysis {
  return {
    points: [], direction, median: null, baselineCount: 0, useful: 0, runs: 0, runsLimits: null,
    runsTest: 'too-few-points', astronomicalTested: false, signals: [], pointSignals: [],
    messages: [{ key: 'noData', params: {} }],
  };
}

/**
 * Applies the run-chart rules to `input` (any order; sorted by date here).
 * Throws RangeError for a value that is not a finite number: validate at the boundary first.
 */
export function analyseRunChart(input: readonly RunChartPoint[], options: RunChartOptions): RunChartAnalysis {
  const { direction } = options;
  const points = sortPoints(input);
  if (points.length === 0) return emptyAnalysis(direction);
  const values = points.map((p) => p.value);
  const baselineCount = Math.min(points.length, Math.max(1, Math.floor(options.baselinePoints ?? points.length)));
  const centre = median(values.slice(0, baselineCount));
  const runs = runsAround(values, centre);
  const useful = runs.reduce((sum, run) => sum + run.indices.length, 0);
  const status = runsStatus(points.length, useful);
  const limits = status === 'applied' ? runsLimits(useful) : null;
  const runs_ = limits ? runsSignal(runs, limits) : null;
  const shifts = shiftSignals(points, runs, direction);
  const inShift = new Set(shifts.flatMap((s) => s.indices));
  const signals = [
    ...shifts,
    ...trendSignals(points, direction),
    ...(points.length >= MIN_POINTS_FOR_RUNS ? astronomicalSignals(points, centre, direction, inShift) : []),
    ...(runs_ ? [runs_] : []),
  ].sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
  const pointSignals = points.map((_, index) => [...new Set(signals.filter((s) => s.kind !== 'runs' && s.indices.includes(index)).map((s) => s.kind))]);
  return {
    points, direction, median: centre, baselineCount, useful, runs: runs.length, runsLimits: limits,
    runsTest: status, astronomicalTested: points.length >= MIN_POINTS_FOR_RUNS, signals, pointSignals,
    messages: messagesFor(points, centre, baselineCount, useful, runs.length, limits, status, signals),
  };
}

function messagesFor(
  points: readonly RunChartPoint[], centre: number, baselineCount: number, useful: number, runCount: number,
  limits: RunsLimits | null, status: RunsTestStatus, signals: readonly RunChartSignal[],
): RunChartMessage[] {
  const messages: RunChartMessage[] = [
    baselineCount < points.length
      ? { key: 'medianBaseline', params: { median: centre, baseline: baselineCount, total: points.length } }
      : { key: 'median', params: { median: centre, total: points.length } },
  ];
  if (points.length > 1 && useful === 0) messages.push({ key: 'allEqual', params: { value: centre } });
  messages.push(...signals.map((s) => s.message));
  if (status === 'too-few-points') messages.push({ key: 'tooFewPoints', params: { n: points.length } });
  else if (status === 'too-few-useful') messages.push({ key: 'tooFewUseful', params: { useful } });
  else if (limits && !signals.some((s) => s.kind === 'runs')) {
    messages.push({ key: 'runsExpected', params: { runs: runCount, low: limits.low, high: limits.high, useful } });
  }
  if (signals.length === 0 && points.length > 1 && useful > 0) messages.push({ key: 'noSignal', params: {} });
  return messages;
}
