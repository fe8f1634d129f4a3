/**
 * `npm run bench [-- --quick] [--only 1,3] [--profile] [--build]`: issue #8's benchmark.
 * Prints a Markdown table and writes it as JSON to bench/results/<timestamp>.json and latest.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from './lib/build';
import { ProcessPool, ROOT, stopAll } from './lib/processes';
import { markdownTable } from './lib/report';
import type { Context, Figure, Scenario } from './lib/report';
import { durableWrites } from './scenarios/durable-writes';
import { exportsScenario } from './scenarios/exports';
import { conferenceRoom, liveRoom } from './scenarios/live-room';
import { longHistory } from './scenarios/long-history';
import { manySessions } from './scenarios/many-sessions';
import { renderer } from './scenarios/renderer';
import { start } from './scenarios/start';

const SCENARIOS: Record<string, { name: string; run: Scenario }> = {
  '1': { name: '1 Live room', run: liveRoom },
  '2': { name: '2 Conference room', run: conferenceRoom },
  '3': { name: '3 Durable write rate', run: durableWrites },
  '4': { name: '4 Long history', run: longHistory },
  '5': { name: '5 Many sessions', run: manySessions },
  '6': { name: '6 Renderer', run: renderer },
  '7': { name: '7 Exports', run: exportsScenario },
  '8': { name: '8 Start', run: start },
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, only: { type: 'string' }, profile: { type: 'boolean' }, build: { type: 'boolean' }, runs: { type: 'string' } },
  });
  const quick = values.quick ?? false;
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SCENARIOS);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = join(ROOT, 'bench/results');
  const profileDir = values.profile ? join(resultsDir, 'profiles', stamp) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'samskapa-bench-'));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  // A quick run (CI proves it works; under a minute) measures each scenario once, on smaller loads.
  const processes = new ProcessPool(quick);
  const ctx: Context = { quick, runs: Number(values.runs ?? (quick ? 1 : 3)), tmp, profileDir, log, processes };
  const started = Date.now();
  const load = loadavg()[0]!;
  const figures: Figure[] = [];
  try {
    ensureBuild(values.build ?? false, log);
    for (const key of only) {
      const scenario = SCENARIOS[key];
      if (!scenario) throw new Error(`no scenario ${key}`);
      log(`scenario ${scenario.name}${quick ? ' (quick)' : ''}`);
      const t0 = Date.now();
      try {
        figures.push(...(await scenario.run(ctx)));
      } catch (error) {
        log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        figures.push({ scenario: scenario.name, figure: 'scenario failed', target: 'runs', unit: '', measured: null, pass: false, note: String(error).slice(0, 300) });
      } finally {
        await stopAll(await processes.kept());
      }
      log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await processes.close();
    await stopAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  const table = markdownTable(figures);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load.toFixed(2)} at start`;
  process.stdout.write(`\n${table}\n\n${quick ? 'quick run; ' : ''}${ctx.runs} runs per scenario; ${machine}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const json = JSON.stringify({ date: new Date(started).toISOString(), quick, runs: ctx.runs, machine, loadAverageAtStart: load, profileDir, figures, table }, null, 2);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${stamp}.json`), json);
  writeFileSync(join(resultsDir, 'latest.json'), json);
  return figures.some((f) => f.pass === false) ? 1 : 0;
}

process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${String(error)}\n`);
    await stopAll();
    process.exit(2);
  },
);
