import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { RoomResult } from '../jobs/room';
import { startHost } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { sampleRss } from '../lib/rss';
import { hostRoom, referenceRoom } from '../lib/setup';
import { spread } from '../lib/stats';

interface Load {
  readonly name: string;
  readonly participants: number;
  readonly writers: number;
  readonly durationMs: number;
  readonly p95Ratio: number;
}

interface Run {
  readonly host: RoomResult;
  readonly reference: RoomResult;
  readonly hostRssMb: number;
}

/**
 * One run: a fresh host and a fresh reference server, the same stock clients and load against each
 * (the order alternates between runs so drift on a shared machine does not favour one side).
 */
async function runOnce(ctx: Context, load: Load, index: number): Promise<Run> {
  const host = await startHost({ dataDir: mkdtempSync(join(ctx.tmp, 'room-')), profileDir: ctx.profileDir });
  const reference = await ctx.processes.reference();
  const clients = ctx.processes.clients();
  try {
    const ours = await hostRoom(host, load.participants);
    const theirs = referenceRoom(reference, ours);
    const job = { writers: load.writers, intervalMs: 500, durationMs: load.durationMs, drainMs: 10_000 };
    const measureHost = async (): Promise<[RoomResult, number]> => {
      const rss = sampleRss(host.child.pid!);
      const result = await clients.run<RoomResult>('room', { ...ours, ...job });
      return [result, rss.stop()];
    };
    const measureReference = (): Promise<RoomResult> => clients.run<RoomResult>('room', { ...theirs, ...job });
    let hostResult: [RoomResult, number];
    let referenceResult: RoomResult;
    if (index % 2 === 0) {
      hostResult = await measureHost();
      referenceResult = await measureReference();
    } else {
      referenceResult = await measureReference();
      hostResult = await measureHost();
    }
    ctx.log(
      `  ${load.name} run ${index + 1}: host p95 ${hostResult[0].p95} ms (lost ${hostResult[0].lost}, sent ${hostResult[0].sent}), reference p95 ${referenceResult.p95} ms (lost ${referenceResult.lost}), host RSS ${hostResult[1].toFixed(0)} MB`,
    );
    return { host: hostResult[0], reference: referenceResult, hostRssMb: hostResult[1] };
  } finally {
    await clients.stop();
    await reference.stop();
    await host.stop();
  }
}

async function measure(ctx: Context, load: Load): Promise<{ runs: Run[]; label: string }> {
  const runs: Run[] = [];
  for (let i = 0; i < ctx.runs; i++) runs.push(await runOnce(ctx, load, i));
  return { runs, label: `${load.participants} connected, ${load.writers} writing every 500 ms for ${load.durationMs / 1000} s` };
}

function latencyFigures(scenario: string, runs: readonly Run[], load: Load, label: string): Figure[] {
  const figures: Figure[] = [];
  const lost = spread(runs.map((r) => r.host.lost));
  figures.push({
    scenario,
    figure: 'lost deliveries',
    target: '0',
    unit: '',
    measured: lost,
    reference: spread(runs.map((r) => r.reference.lost)),
    pass: lost.max === 0,
    note: `${label}; notes sent per run ${runs.map((r) => r.host.sent).join(', ')} (${(load.participants > 0 ? load.writers * (load.durationMs / 500) : 0)} planned: a busy client process sends late); deliveries per run ${runs.map((r) => r.host.expectedDeliveries).join(', ')}`,
  });
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const ratio = spread(runs.map((r) => r.host[p] / r.reference[p]));
    figures.push({
      scenario,
      figure: `${p} delivery latency`,
      target: p === 'p95' ? `≤ ${load.p95Ratio}× reference` : '–',
      unit: 'ms',
      measured: spread(runs.map((r) => r.host[p])),
      reference: spread(runs.map((r) => r.reference[p])),
      ratio,
      pass: p === 'p95' ? ratio.median <= load.p95Ratio : null,
      note: p === 'p95' ? 'pass on the median ratio' : undefined,
    });
  }
  const closes = runs.flatMap((r) => r.host.closeCodes);
  if (closes.length > 0) {
    figures.push({ scenario, figure: 'connections closed by the host', target: '0', unit: '', measured: spread([closes.length]), pass: false, note: `codes ${[...new Set(closes)].join(', ')}` });
  }
  return figures;
}

export async function liveRoom(ctx: Context): Promise<Figure[]> {
  const load: Load = ctx.quick
    ? { name: 'live room', participants: 10, writers: 10, durationMs: 2_000, p95Ratio: 1.5 }
    : { name: 'live room', participants: 50, writers: 50, durationMs: 20_000, p95Ratio: 1.5 };
  const { runs, label } = await measure(ctx, load);
  return latencyFigures('1 Live room', runs, load, label);
}

export async function conferenceRoom(ctx: Context): Promise<Figure[]> {
  const load: Load = ctx.quick
    ? { name: 'conference room', participants: 30, writers: 3, durationMs: 2_000, p95Ratio: 2 }
    : { name: 'conference room', participants: 200, writers: 20, durationMs: 20_000, p95Ratio: 2 };
  const { runs, label } = await measure(ctx, load);
  const rss = spread(runs.map((r) => r.hostRssMb));
  return [
    ...latencyFigures('2 Conference room', runs, load, label),
    { scenario: '2 Conference room', figure: 'host RSS, peak', target: '≤ 250 MB', unit: 'MB', measured: rss, pass: rss.max <= 250 },
  ];
}
