import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BurstResult } from '../jobs/burst';
import { ROOT, cpuMs, startHost } from '../lib/processes';
import type { ServerProcess } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { createSession, wsOf } from '../lib/setup';
import { spread } from '../lib/stats';

const WRITERS = 8;

/** The synchronous mode the session store opens its files with, read from its source so the report cannot drift from the code. */
function fsyncMode(): string {
  const source = readFileSync(join(ROOT, 'src/host/persistence/sqlite-session-store.ts'), 'utf8');
  const mode = /synchronous: '(\w+)'/.exec(source)?.[1] ?? 'FULL';
  const relay =
    mode === 'NORMAL'
      ? 'relayed once the host\'s own fdatasync of the WAL, right after the commit, has ended'
      : 'relayed after the commit and its fsync';
  return `journal_mode = WAL, synchronous = ${mode}; one transaction per event-loop turn of updates, ${relay}`;
}

type Measured = BurstResult & { cpuMsPerUpdate: number };

async function runOnce(ctx: Context, index: number): Promise<{ host: Measured; reference: Measured }> {
  const host = await startHost({ dataDir: mkdtempSync(join(ctx.tmp, 'burst-')), profileDir: ctx.profileDir });
  const reference = await ctx.processes.reference();
  const clients = ctx.processes.clients();
  try {
    const session = await createSession(host, 'bench burst');
    const timing = { warmupMs: ctx.quick ? 300 : 1000, durationMs: ctx.quick ? 1000 : 5000, window: 100 };
    // The facilitator's token: participants are paced at 40 messages/s per connection (sync/limits.ts).
    const ours = { wsBase: wsOf(host.url), room: `${session.id}/board`, tokens: Array(WRITERS).fill(host.token), observerToken: host.token, ...timing };
    const theirs = { wsBase: wsOf(reference.url), room: `${session.id}/board`, tokens: Array(WRITERS).fill(undefined), ...timing };
    // CPU time per relayed update: a figure the shared machine's load does not move much.
    const measure = async (server: ServerProcess, params: object): Promise<BurstResult & { cpuMsPerUpdate: number }> => {
      const before = cpuMs(server.child.pid!);
      const result = await clients.run<BurstResult>('burst', params);
      return { ...result, cpuMsPerUpdate: (cpuMs(server.child.pid!) - before) / result.relayed };
    };
    const first = await (index % 2 === 0 ? measure(host, ours) : measure(reference, theirs));
    const second = await (index % 2 === 0 ? measure(reference, theirs) : measure(host, ours));
    const [h, r] = index % 2 === 0 ? [first, second] : [second, first];
    ctx.log(`  durable writes run ${index + 1}: host ${h.perSecond.toFixed(0)}/s (closes ${h.closeCodes.length}), reference ${r.perSecond.toFixed(0)}/s`);
    return { host: h, reference: r };
  } finally {
    await clients.stop();
    await reference.stop();
    await host.stop();
  }
}

export async function durableWrites(ctx: Context): Promise<Figure[]> {
  const runs = [];
  for (let i = 0; i < ctx.runs; i++) runs.push(await runOnce(ctx, i));
  const measured = spread(runs.map((r) => r.host.perSecond));
  return [
    {
      scenario: '3 Durable write rate',
      figure: `updates/s stored then relayed, ${WRITERS} writers`,
      target: '≥ 2000/s',
      unit: '/s',
      measured,
      reference: spread(runs.map((r) => r.reference.perSecond)),
      ratio: spread(runs.map((r) => r.host.perSecond / r.reference.perSecond)),
      pass: measured.median >= 2000,
      note: `fsync: ${fsyncMode()}; reference keeps nothing on disk`,
    },
    {
      scenario: '3 Durable write rate',
      figure: 'server CPU time per relayed update',
      target: '–',
      unit: 'ms',
      measured: spread(runs.map((r) => r.host.cpuMsPerUpdate)),
      reference: spread(runs.map((r) => r.reference.cpuMsPerUpdate)),
      ratio: spread(runs.map((r) => r.host.cpuMsPerUpdate / r.reference.cpuMsPerUpdate)),
      pass: null,
      note: 'user + system CPU of the server process during the burst ÷ updates the observer saw',
    },
  ];
}
