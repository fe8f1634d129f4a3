import { describe, expect, it } from 'vitest';
import { analyseRunChart, astronomicalIndices, median, trendsIn, type RunChartMessage, type RunChartPoint } from './run-chart-rules';
import { RUNS_TABLE, runsLimits } from './run-chart-rules-table';
import { describeMessage, describeRunChart, PLAIN_FORMATTERS, RUN_CHART_MESSAGES } from './run-chart-rules-texts';

/** Weekly points from 2026-01-05 (a Monday), one per value. */
function weekly(values: readonly number[], start = '2026-01-05'): RunChartPoint[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return values.map((value, i) => ({ date: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10), value }));
}

const kinds = (a: ReturnType<typeof analyseRunChart>) => a.signals.map((s) => s.kind);

describe('the runs table', () => {
  /** P(R = r) for n1 points on one side and n2 on the other (Swed & Eisenhart 1943), as exact integers. */
  function runCounts(n1: number, n2: number): Map<number, bigint> {
    const memo = new Map<string, bigint>();
    const choose = (n: number, k: number): bigint => {
      if (k < 0 || k > n) return 0n;
      const key = `${n},${k}`;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      let result = 1n;
      for (let i = 1; i <= k; i += 1) result = (result * BigInt(n - k + i)) / BigInt(i);
      memo.set(key, result);
      return result;
    };
    const counts = new Map<number, bigint>();
    for (let r = 2; r <= n1 + n2; r += 1) {
      const k = Math.floor(r / 2);
      const ways = r % 2 === 0 ? 2n * choose(n1 - 1, k - 1) * choose(n2 - 1, k - 1) : choose(n1 - 1, k) * choose(n2 - 1, k - 1) + choose(n1 - 1, k - 1) * choose(n2 - 1, k);
      counts.set(r, ways);
    }
    return counts;
  }

  it('is the exact Swed–Eisenhart distribution at 2.5 % per tail for 10–60 useful observations', () => {
    expect(RUNS_TABLE.map((r) => r.useful)).toEqual(Array.from({ length: 51 }, (_, i) => 10 + i));
    for (const row of RUNS_TABLE) {
      const n1 = Math.floor(row.useful / 2);
      const counts = runCounts(n1, row.useful - n1);
      const total = [...counts.values()].reduce((a, b) => a + b, 0n);
      // P(R < low) ≤ 0.025 < P(R < low + 1), i.e. 40·tail ≤ total.
      const below = (limit: number) => [...counts].filter(([r]) => r < limit).reduce((a, [, c]) => a + c, 0n);
      const above = (limit: number) => [...counts].filter(([r]) => r > limit).reduce((a, [, c]) => a + c, 0n);
      expect(40n * below(row.low) <= total, `low ${row.useful}`).toBe(true);
      expect(40n * below(row.low + 1) > total, `low+1 ${row.useful}`).toBe(true);
      expect(40n * above(row.high) <= total, `high ${row.useful}`).toBe(true);
      expect(40n * above(row.high - 1) > total, `high-1 ${row.useful}`).toBe(true);
    }
  });

  it('has no limits below 10 and a normal approximation past 60 that meets the table', () => {
    expect(runsLimits(9)).toBeNull();
    expect(runsLimits(10)).toEqual({ useful: 10, low: 3, high: 9 });
    expect(runsLimits(61)).toEqual({ useful: 61, low: 24, high: 39 });
    expect(runsLimits(100)).toEqual({ useful: 100, low: 42, high: 60 });
  });
});

describe('Balestracci, "An underrated test for run charts", Quality Digest, October 2008', () => {
  // Published description (the article's figure 1; the values themselves are not printed, so they
  // are reconstructed here to match it): 16 monthly points, an intervention after the 6th to LOWER
  // the indicator; runs of lengths 7 (above), 7 (below), 1, 1 → 4 runs, "too few" (his table:
  // 5–12 for 16 points; ours: 5–13); a downward run of five from observation 5 to 9.
  const values = [20, 22, 19, 21, 24, 23, 21, 14, 12, 15, 13, 16, 12, 14, 20, 13];
  const a = analyseRunChart(weekly(values), { direction: 'down' });

  it('finds 4 runs of 16 useful observations: too few', () => {
    expect(a.median).toBe(17.5);
    expect(a.useful).toBe(16);
    expect(a.runs).toBe(4);
    expect(a.runsLimits).toEqual({ useful: 16, low: 5, high: 13 });
    expect(a.signals.find((s) => s.kind === 'runs')?.message.key).toBe('runsTooFew');
  });

  it('reads the two runs of 7 as shifts (Perla: 6 or more), the one below the median as the wanted one', () => {
    const shifts = a.signals.filter((s) => s.kind === 'shift');
    expect(shifts.map((s) => [s.indices, s.direction, s.favourable])).toEqual([
      [[0, 1, 2, 3, 4, 5, 6], 'up', false],
      [[7, 8, 9, 10, 11, 12, 13], 'down', true],
    ]);
  });

  it('reads observations 5–9 as a downward trend in the desired direction (Perla: 5 or more)', () => {
    const trends = a.signals.filter((s) => s.kind === 'trend');
    expect(trends).toHaveLength(1);
    expect(trends[0]).toMatchObject({ indices: [4, 5, 6, 7, 8], direction: 'down', favourable: true });
    expect(trends[0]?.message).toEqual({ key: 'trendDownFavourable', params: { n: 5, from: a.points[4]?.date, to: a.points[8]?.date } });
    expect(a.pointSignals[4]).toEqual(['shift', 'trend']);
    expect(a.pointSignals[14]).toEqual([]);
  });
});

describe('Perla, Provost & Murray 2011, rule by rule (data constructed from the paper’s rule definitions)', () => {
  it('shift: a point on the median neither counts nor breaks the run', () => {
    // 13 points, median 10: three below, one ON the median, three more below → 6 useful below: a shift.
    const a = analyseRunChart(weekly([12, 14, 11, 13, 8, 7, 9, 10, 8, 6, 9, 13, 12]), { direction: 'down' });
    expect(a.median).toBe(10);
    expect(a.useful).toBe(12);
    const shift = a.signals.find((s) => s.kind === 'shift');
    expect(shift).toMatchObject({ indices: [4, 5, 6, 8, 9, 10], direction: 'down', favourable: true });
  });

  it('shift: five useful points and one on the median is not a shift', () => {
    // 11 points, median 10: three below, one on the median, two below → 5 useful: no shift.
    const a = analyseRunChart(weekly([12, 14, 11, 13, 8, 7, 9, 10, 8, 6, 12]), { direction: 'down' });
    expect(a.median).toBe(10);
    expect(a.runs).toBe(3);
    expect(kinds(a)).not.toContain('shift');
  });

  it('trend: like values do not make or break a trend', () => {
    // 1, 2, 2, 3, 4, 5: the repeated 2 is skipped → five counted points → a trend over indices 0–5.
    const [trend] = trendsIn([1, 2, 2, 3, 4, 5]);
    expect(trend).toEqual({ direction: 'up', indices: [0, 1, 2, 3, 4, 5], length: 5 });
    // 1, 2, 3, 3, 4: only four counted points → no trend.
    expect(trendsIn([1, 2, 3, 3, 4])).toEqual([]);
    // A turning point belongs to both movements; trailing ties are not part of a trend.
    expect(trendsIn([1, 2, 3, 4, 5, 5, 4, 3, 2, 1])).toEqual([
      { direction: 'up', indices: [0, 1, 2, 3, 4], length: 5 },
      { direction: 'down', indices: [5, 6, 7, 8, 9], length: 5 },
    ]);
  });

  it('a shift against the direction of improvement is flagged unfavourable, in words', () => {
    // Higher is better (e.g. % patients who got their questions answered); six weeks below the median.
    const a = analyseRunChart(weekly([70, 74, 72, 75, 71, 73, 60, 62, 61, 63, 60, 62], '2026-01-20'), { direction: 'up' });
    const shift = a.signals.find((s) => s.kind === 'shift' && s.direction === 'down');
    expect(shift).toMatchObject({ favourable: false, message: { key: 'shiftBelowUnfavourable' } });
    const words = describeRunChart(a, 'sv', { ...PLAIN_FORMATTERS, date: (iso) => (iso === '2026-03-03' ? '3 mars' : iso) });
    expect(words).toContain('6 punkter i rad under medianen från 3 mars: ett skifte åt fel håll.');
  });

  it('the same shift in the direction of improvement reads as the brief’s example sentence', () => {
    const a = analyseRunChart(weekly([70, 74, 72, 75, 71, 73, 60, 62, 61, 63, 60, 62], '2026-01-20'), { direction: 'down' });
    const words = describeRunChart(a, 'sv', { ...PLAIN_FORMATTERS, date: (iso) => (iso === '2026-03-03' ? '3 mars' : iso) });
    expect(words).toContain('6 punkter i rad under medianen från 3 mars: ett skifte i önskad riktning.');
    expect(describeRunChart(a, 'en', PLAIN_FORMATTERS)).toContain('6 points in a row below the median from 2026-03-03: a shift in the desired direction.');
  });

  it('too many runs: a sawtooth of 20 points', () => {
    const a = analyseRunChart(weekly(Array.from({ length: 20 }, (_, i) => (i % 2 ? 9 : 1))), { direction: 'up' });
    expect(a.runs).toBe(20);
    expect(a.signals.find((s) => s.kind === 'runs')).toMatchObject({ favourable: null, message: { key: 'runsTooMany', params: { runs: 20, low: 7, high: 15 } } });
    expect(kinds(a)).not.toContain('trend');
  });

  it('astronomical point: far outside the others, and only with 10 or more points', () => {
    const values = [11, 9, 10, 12, 10, 11, 9, 10, 41, 11, 10, 12];
    expect(astronomicalIndices(values)).toEqual([8]);
    const a = analyseRunChart(weekly(values), { direction: 'down' });
    expect(a.signals.find((s) => s.kind === 'astronomical')).toMatchObject({ indices: [8], direction: 'up', favourable: false, message: { key: 'astronomicalHighUnfavourable', params: { value: 41 } } });
    // Ordinary spread is not astronomical.
    expect(astronomicalIndices([11, 9, 10, 12, 10, 11, 9, 10, 13, 11, 10, 12])).toEqual([]);
    // Nine points: not judged, however far out.
    expect(astronomicalIndices([11, 9, 10, 12, 10, 11, 9, 10, 41])).toEqual([]);
    // Others all equal: no spread to judge against.
    expect(astronomicalIndices([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual([]);
  });
});

describe('edge cases', () => {
  it('a sustained new level is a shift, not a row of astronomical points', () => {
    // Eight weeks around 40, then a change: every new point is far from the old level, but together they are a shift.
    const values = [40, 42, 38, 41, 39, 43, 40, 41, 55, 58, 61, 57, 63, 60];
    const a = analyseRunChart(weekly(values), { direction: 'up', baselinePoints: 8 });
    expect(a.signals.filter((s) => s.kind === 'shift')).toHaveLength(1);
    expect(a.signals.filter((s) => s.kind === 'astronomical')).toEqual([]);
    // The same lone spike without a shift around it is still astronomical.
    expect(analyseRunChart(weekly([40, 42, 38, 41, 39, 43, 40, 41, 39, 70, 40, 42]), { direction: 'up' }).signals.filter((s) => s.kind === 'astronomical').map((s) => s.indices)).toEqual([[9]]);
  });

  it('fewer than 10 points: no runs test and no astronomical point, and it says so', () => {
    const a = analyseRunChart(weekly([5, 6, 4, 50, 5, 6, 4, 5]), { direction: 'up' });
    expect(a.runsTest).toBe('too-few-points');
    expect(a.runsLimits).toBeNull();
    expect(a.astronomicalTested).toBe(false);
    expect(kinds(a)).toEqual([]);
    expect(a.messages.map((m) => m.key)).toEqual(['median', 'tooFewPoints', 'noSignal']);
    expect(a.messages[1]).toEqual({ key: 'tooFewPoints', params: { n: 8 } });
  });

  it('a shift is still found with fewer than 10 points', () => {
    const a = analyseRunChart(weekly([9, 9, 9, 1, 2, 3, 1, 2, 3]), { direction: 'down', baselinePoints: 3 });
    expect(a.median).toBe(9);
    expect(a.signals.map((s) => [s.kind, s.favourable])).toEqual([['shift', true]]);
    expect(a.messages[0]).toEqual({ key: 'medianBaseline', params: { median: 9, baseline: 3, total: 9 } });
  });

  it('all values equal: every point on the median, no signal, no runs test', () => {
    const a = analyseRunChart(weekly(Array.from({ length: 12 }, () => 4)), { direction: 'up' });
    expect(a.median).toBe(4);
    expect(a.useful).toBe(0);
    expect(a.runs).toBe(0);
    expect(a.runsTest).toBe('too-few-useful');
    expect(a.signals).toEqual([]);
    expect(a.messages.map((m) => m.key)).toEqual(['median', 'allEqual', 'tooFewUseful']);
  });

  it('points on the median are not useful observations (Elsmar Cove forum exercise data)', () => {
    // "A run chart has recorded the following values … 10, 8, 6, 14, 16, 14, 18, 20, 8, 10, 10, 10"
    // (elsmar.com, thread "Formulas to be able to answer these run chart questions"). The thread
    // gives no answer; ours: median 10, four points on it, 8 useful observations in 3 runs → the
    // runs test is not applied; the five points above (14–20) are one short of a shift.
    const a = analyseRunChart(weekly([10, 8, 6, 14, 16, 14, 18, 20, 8, 10, 10, 10]), { direction: 'up' });
    expect(a.median).toBe(10);
    expect(a.useful).toBe(8);
    expect(a.runs).toBe(3);
    expect(a.runsTest).toBe('too-few-useful');
    expect(kinds(a)).toEqual([]);
  });

  it('sorts by date and rejects values that are not numbers', () => {
    const a = analyseRunChart([{ date: '2026-02-02', value: 2 }, { date: '2026-01-01', value: 1 }], { direction: 'up' });
    expect(a.points.map((p) => p.value)).toEqual([1, 2]);
    expect(() => analyseRunChart([{ date: '2026-01-01', value: Number.NaN }], { direction: 'up' })).toThrow(RangeError);
  });

  it('no points at all', () => {
    const a = analyseRunChart([], { direction: 'up' });
    expect(a.median).toBeNull();
    expect(a.messages).toEqual([{ key: 'noData', params: {} }]);
  });

  it('median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('has a Swedish and an English text for every message, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(RUN_CHART_MESSAGES.sv) as (keyof typeof RUN_CHART_MESSAGES.sv)[]) {
      expect(placeholders(RUN_CHART_MESSAGES.en[key]), key).toEqual(placeholders(RUN_CHART_MESSAGES.sv[key]));
    }
  });
});

describe('run-chart findings that count', () => {
  const say = (key: RunChartMessage['key'], params: RunChartMessage['params'], lang: 'sv' | 'en' = 'sv') => describeMessage({ key, params }, lang, PLAIN_FORMATTERS);

  it('say "1 punkt" / "1 point" for one and the plural for 0 and 2', () => {
    expect([0, 1, 2].map((n) => say('tooFewPoints', { n }))).toEqual([
      'Bara 0 punkter: antalet serier och extrema punkter bedöms från 10 punkter.',
      'Bara 1 punkt: antalet serier och extrema punkter bedöms från 10 punkter.',
      'Bara 2 punkter: antalet serier och extrema punkter bedöms från 10 punkter.',
    ]);
    expect([0, 1, 2].map((useful) => say('tooFewUseful', { useful }, 'en'))).toEqual([
      'Only 0 points lie off the median: the number of runs is judged from 10.',
      'Only 1 point lies off the median: the number of runs is judged from 10.',
      'Only 2 points lie off the median: the number of runs is judged from 10.',
    ]);
    expect(say('median', { median: 5, total: 1 })).toBe('Medianen är 5 (räknad på 1 punkt).');
    expect(say('median', { median: 5, total: 2 }, 'en')).toBe('The median is 5 (from all 2 points).');
    expect(say('medianBaseline', { median: 5, baseline: 1, total: 12 })).toBe('Medianen är 5, räknad på den första av 12 punkter (baslinje).');
    expect(say('medianBaseline', { median: 5, baseline: 2, total: 12 }, 'en')).toBe('The median is 5, from the first 2 of 12 points (baseline).');
  });

  it('describe a chart of a single point in the singular', () => {
    const text = describeRunChart(analyseRunChart([{ date: '2026-01-05', value: 7 }], { direction: 'up' }), 'sv', PLAIN_FORMATTERS);
    expect(text).toEqual(['Medianen är 7 (räknad på 1 punkt).', 'Bara 1 punkt: antalet serier och extrema punkter bedöms från 10 punkter.']);
  });
});
