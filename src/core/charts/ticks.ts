/**
 * Axis ticks for the charts, written out rather than taken from d3-scale: the core may import only
 * yjs, lib0 and zod (tests/architecture), and the two things needed here are small. `niceStep` is
 * the 1-2-5 rule d3's `tickIncrement` uses; dates are whole UTC days, so a chart drawn on a
 * facilitator's laptop in Sweden and by the host in any time zone puts every point in the same place.
 */

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over [min, max]. */
export function niceStep(min: number, max: number, count: number): number {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (raw === 0 || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * power;
}

/** Rounds away float noise (0.30000000000000004 → 0.3) at the step's precision. */
function clean(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(12, decimals)));
}

export interface NiceScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * A domain covering [min, max] widened to whole steps, and its ticks. A flat range (all values
 * equal) is opened by one unit either side (or 10 % of the value) so the line sits mid-chart.
 */
export function niceScale(min: number, max: number, count = 5): NiceScale {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(lo, hi, count);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step, step));
  return { min: clean(first * step, step), max: clean(last * step, step), step, ticks };
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → whole days since 1970-01-01 (UTC). NaN for anything else. */
export function dayNumber(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : Number.NaN;
}

/** Whole days since 1970-01-01 → `YYYY-MM-DD`. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export type DateTickUnit = 'day' | 'week' | 'month' | 'year';

export interface DateTick {
  readonly day: number;
  readonly iso: string;
}

interface Interval {
  readonly unit: DateTickUnit;
  readonly every: number;
}

const INTERVALS: readonly Interval[] = [
  { unit: 'day', every: 1 },
  { unit: 'day', every: 2 },
  { unit: 'week', every: 1 },
  { unit: 'week', every: 2 },
  { unit: 'month', every: 1 },
  { unit: 'month', every: 2 },
  { unit: 'month', every: 3 },
  { unit: 'month', every: 6 },
  { unit: 'year', every: 1 },
  { unit: 'year', every: 2 },
  { unit: 'year', every: 5 },
];

function ticksFor(interval: Interval, from: number, to: number): DateTick[] {
  const out: DateTick[] = [];
  if (interval.unit === 'day' || interval.unit === 'week') {
    const days = interval.unit === 'day' ? interval.every : interval.every * 7;
    // Weeks start on Mondays (1970-01-05 was one), as in Sweden (ISO 8601).
    const offset = interval.unit === 'week' ? 4 : 0;
    let day = Math.ceil((from - offset) / days) * days + offset;
    for (; day <= to; day += days) out.push({ day, iso: isoDate(day) });
    return out;
  }
  const months = interval.unit === 'month' ? interval.every : interval.every * 12;
  const start = new Date(from * DAY_MS);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  index = Math.ceil(index / months) * months;
  for (;;) {
    const day = Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);
    if (day > to) break;
    if (day >= from) out.push({ day, iso: isoDate(day) });
    index += months;
  }
  return out;
}

/** Date ticks between two day numbers: the finest interval that gives at most `maxTicks`. */
export function dateTicks(from: number, to: number, maxTicks: number): { unit: DateTickUnit; ticks: DateTick[] } {
  const limit = Math.max(2, Math.floor(maxTicks));
  for (const interval of INTERVALS) {
    const ticks = ticksFor(interval, from, to);
    if (ticks.length <= limit) return { unit: interval.unit, ticks };
  }
  const last = INTERVALS[INTERVALS.length - 1] as Interval;
  return { unit: last.unit, ticks: ticksFor(last, from, to).filter((_, i, all) => i % Math.ceil(all.length / limit) === 0) };
}
