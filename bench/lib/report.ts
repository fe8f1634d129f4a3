import type { ProcessPool } from './processes';
import type { Spread } from './stats';
import { round } from './stats';

/** One row of the results table. */
export interface Figure {
  readonly scenario: string;
  readonly figure: string;
  readonly target: string;
  readonly unit: string;
  /** min/median/max over the runs; null for what is not available (not built yet). */
  readonly measured: Spread | null;
  /** The reference server's figure, same runs. */
  readonly reference?: Spread;
  /** Ours ÷ reference, per run. */
  readonly ratio?: Spread;
  /** true/false against the target; null where there is no target (context figures). */
  readonly pass: boolean | null;
  readonly note?: string;
}

export interface Context {
  /** Client processes and the reference server (shared across a quick run, fresh per use otherwise). */
  readonly processes: ProcessPool;
  readonly quick: boolean;
  readonly runs: number;
  /** A scratch folder of this benchmark run (removed at the end). */
  readonly tmp: string;
  /** Where host CPU profiles go when --profile is given. */
  readonly profileDir?: string;
  log(line: string): void;
}

export type Scenario = (ctx: Context) => Promise<Figure[]>;

function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  return String(round(value, abs >= 100 ? 0 : abs >= 10 ? 1 : 2));
}

function fmtSpread(s: Spread | undefined | null, unit = ''): string {
  if (!s) return '';
  const u = unit ? ` ${unit}` : '';
  if (s.runs.length === 1 || (s.min === s.max && s.min === s.median)) return `${fmt(s.median)}${u}`;
  return `${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)}${u}`;
}

export function markdownTable(figures: readonly Figure[]): string {
  const lines = [
    '| scenario | figure | target | measured (min / median / max) | reference (min / median / max) | ratio (min / median / max) | result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const measured = f.measured ? fmtSpread(f.measured, f.unit) : f.pass === null ? 'not available' : '–';
    const result = f.pass === null ? (f.measured ? 'info' : 'not available') : f.pass ? 'pass' : '**FAIL**';
    const note = f.note ? ` (${f.note})` : '';
    lines.push(
      `| ${f.scenario} | ${f.figure}${note} | ${f.target} | ${measured} | ${fmtSpread(f.reference, f.unit)} | ${f.ratio ? `${fmtSpread(f.ratio)}×` : ''} | ${result} |`,
    );
  }
  return lines.join('\n');
}
