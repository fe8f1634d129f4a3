/**
 * Limits for the number of runs on a run chart, by the number of useful observations (points not
 * on the median): fewer runs than `low` are "too few", more than `high` are "too many".
 *
 * Source: the runs test of Swed F S, Eisenhart C (1943), "Tables for testing randomness of
 * grouping in a sequence of alternatives", Ann Math Statist 14(1):66–87, as used for run charts by
 * Perla R J, Provost L P, Murray S K (2011), "The run chart: a simple analytical tool for learning
 * from variation in healthcare processes", BMJ Qual Saf 20:46–51 (their Table 1, "about a 5% risk"
 * of a false signal).
 *
 * How these rows were made, because reproductions of the printed table disagree with each other
 * from about 27 observations on and we could not check the print itself: each row is the exact
 * Swed–Eisenhart distribution of the number of runs for `n` useful observations split as evenly as
 * possible above and below the median (⌊n/2⌋ and ⌈n/2⌉, which is what the median does), with at
 * most 2.5 % probability in each tail (5 % in all): `low` is the largest value with
 * P(runs < low) ≤ 0.025, `high` the smallest with P(runs > high) ≤ 0.025. The unit test
 * recomputes every row with exact integer arithmetic. Where the commonly reproduced Perla table
 * differs, it is by one run and on the lenient side (e.g. 20 observations: printed 6–16, exact
 * 7–15); docs/improvements.md says so.
 */

export interface RunsLimits {
  readonly useful: number;
  /** Fewer runs than this: too few (a signal). */
  readonly low: number;
  /** More runs than this: too many (a signal). */
  readonly high: number;
}

/** [useful observations, low, high] for 10–60 useful observations. */
const ROWS: readonly (readonly [number, number, number])[] = [
  [10, 3, 9], [11, 4, 9], [12, 4, 10], [13, 4, 11], [14, 4, 12], [15, 5, 12],
  [16, 5, 13], [17, 6, 13], [18, 6, 14], [19, 6, 15], [20, 7, 15], [21, 7, 16],
  [22, 8, 16], [23, 8, 17], [24, 8, 18], [25, 9, 18], [26, 9, 19], [27, 10, 19],
  [28, 10, 20], [29, 10, 21], [30, 11, 21], [31, 11, 22], [32, 12, 22], [33, 12, 23],
  [34, 12, 24], [35, 13, 24], [36, 13, 25], [37, 14, 25], [38, 14, 26], [39, 14, 26],
  [40, 15, 27], [41, 15, 28], [42, 16, 28], [43, 16, 29], [44, 17, 29], [45, 17, 30],
  [46, 17, 31], [47, 18, 31], [48, 18, 32], [49, 19, 32], [50, 19, 33], [51, 20, 33],
  [52, 20, 34], [53, 20, 35], [54, 21, 35], [55, 21, 36], [56, 22, 36], [57, 22, 37],
  [58, 23, 37], [59, 23, 38], [60, 24, 38],
];

export const RUNS_TABLE: readonly RunsLimits[] = ROWS.map(([useful, low, high]) => ({ useful, low, high }));

export const RUNS_TABLE_MIN = 10;
export const RUNS_TABLE_MAX = 60;

/**
 * The limits for `useful` observations: the table for 10–60; beyond 60 the normal approximation
 * of the same distribution (mean 1 + n/2 for an even split, 1.96 standard deviations either side,
 * rounded inwards), which agrees with the exact rows at 60; null below 10 (too little data to
 * judge the number of runs).
 */
export function runsLimits(useful: number): RunsLimits | null {
  if (!Number.isInteger(useful) || useful < RUNS_TABLE_MIN) return null;
  const row = RUNS_TABLE[useful - RUNS_TABLE_MIN];
  if (row) return row;
  const above = Math.floor(useful / 2);
  const below = useful - above;
  const mean = 1 + (2 * above * below) / useful;
  const variance = (2 * above * below * (2 * above * below - useful)) / (useful * useful * (useful - 1));
  const sd = Math.sqrt(variance);
  return { useful, low: Math.ceil(mean - 1.96 * sd), high: Math.floor(mean + 1.96 * sd) };
}
