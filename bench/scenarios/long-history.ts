import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import type { SyncTimeResult } from '../jobs/sync-time';
import { compactFile, copyFolder, longHistoryFolder, sessionFileIn } from '../lib/long-history-folder';
import { cpuMs, startHost } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { wsOf } from '../lib/setup';
import { spread } from '../lib/stats';

const MB = 1024 * 1024;
const S = '4 Long history';

function fileMb(path: string): number {
  const wal = `${path}-wal`;
  return (statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0)) / MB;
}

interface SyncRun {
  readonly syncMs: number;
  /** CPU time (user + system) the server used during the sync: moved much less by the machine's load than wall time. */
  readonly serverCpuMs: number;
  /** Of syncMs, the client applying what it received. */
  readonly applyMs: number;
  readonly readyMs: number;
}

/**
 * Our host: a fresh process on the data folder, nothing open. The first client's connection makes
 * it open the session file, so "connect → full sync" includes opening the file (issue #8: "time
 * from opening the file to a client's full sync"). A fresh client process each time, so its
 * applying is as cold as the reference's.
 */
async function syncOnce(ctx: Context, dataDir: string, room: string, notes: number): Promise<SyncRun> {
  const host = await startHost({ dataDir, profileDir: ctx.profileDir });
  const clients = ctx.processes.clients();
  try {
    const before = cpuMs(host.child.pid!);
    const result = await clients.run<SyncTimeResult>('syncTime', { wsBase: wsOf(host.url), token: host.token, rooms: [{ room, notes }], timeoutMs: 60_000 });
    return { syncMs: result.totalMs, serverCpuMs: cpuMs(host.child.pid!) - before, applyMs: result.applyMs, readyMs: host.readyMs };
  } finally {
    await clients.stop();
    await host.stop();
  }
}

/** The reference server holding the same board in memory (pushed by a client first), then the same measurement. */
async function referenceSyncOnce(ctx: Context, file: string, room: string, notes: number): Promise<SyncRun> {
  const reference = await ctx.processes.reference();
  const pusher = ctx.processes.clients();
  const clients = ctx.processes.clients();
  try {
    await pusher.run('pushState', { wsBase: wsOf(reference.url), room, file, notes, timeoutMs: 60_000 });
    const before = cpuMs(reference.child.pid!);
    const result = await clients.run<SyncTimeResult>('syncTime', { wsBase: wsOf(reference.url), rooms: [{ room, notes }], timeoutMs: 60_000 });
    return { syncMs: result.totalMs, serverCpuMs: cpuMs(reference.child.pid!) - before, applyMs: result.applyMs, readyMs: reference.readyMs };
  } finally {
    await pusher.stop();
    await clients.stop();
    await reference.stop();
  }
}

export async function longHistory(ctx: Context): Promise<Figure[]> {
  // The session with its long log, and beside it the improvement it worked on (PDSA cycles, measures).
  const folder = longHistoryFolder(ctx);
  const { shape, sessionId: id } = folder;
  const raw = folder.dir;
  const rawMb = fileMb(sessionFileIn(raw, id));
  const room = `${id}/board`;

  const compactions = [];
  const syncs: SyncRun[] = [];
  const references: SyncRun[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const dir = copyFolder(ctx, raw, 'history-compacted-');
    const file = sessionFileIn(dir, id);
    const compaction = compactFile(file);
    const compactedMb = fileMb(file);
    const vacuumed = join(dir, 'vacuumed.sqlite');
    const store = SqliteSessionStore.open(file, { readonly: true });
    store.vacuumInto(vacuumed);
    store.close();
    compactions.push({ ...compaction, compactedMb, vacuumedMb: fileMb(vacuumed) });
    // Which server goes first alternates between runs.
    let a: SyncRun;
    let b: SyncRun;
    if (i % 2 === 0) {
      a = await syncOnce(ctx, dir, room, shape.notes);
      b = await referenceSyncOnce(ctx, file, room, shape.notes);
    } else {
      b = await referenceSyncOnce(ctx, file, room, shape.notes);
      a = await syncOnce(ctx, dir, room, shape.notes);
    }
    syncs.push(a);
    references.push(b);
    ctx.log(
      `  long history run ${i + 1}: compaction ${compaction.compactMs.toFixed(0)} ms, sync after compaction ${a.syncMs.toFixed(0)} ms (client applying ${a.applyMs.toFixed(0)} ms), reference ${b.syncMs.toFixed(0)} ms (${b.applyMs.toFixed(0)} ms); server CPU ${a.serverCpuMs.toFixed(0)} ms, reference ${b.serverCpuMs.toFixed(0)} ms`,
    );
  }
  // Once, for contrast (not in a quick run): the uncompacted file (the host compacts it while opening: that time is included).
  let uncompacted: SyncRun | null = null;
  if (!ctx.quick) {
    const before = copyFolder(ctx, raw, 'history-before-');
    uncompacted = await syncOnce(ctx, before, room, shape.notes);
  }
  const shapeText = folder.description;
  const sync = spread(syncs.map((s) => s.syncMs));
  const ratio = (pick: (r: SyncRun) => number): ReturnType<typeof spread> => spread(syncs.map((s, i) => pick(s) / pick(references[i]!)));
  const hostPart = (r: SyncRun): number => r.syncMs - r.applyMs;
  return [
    { scenario: S, figure: 'file size, uncompacted log', target: '–', unit: 'MB', measured: spread([rawMb]), pass: null, note: shapeText },
    {
      scenario: S,
      figure: 'compacted Yjs state (all documents)',
      target: '–',
      unit: 'MB',
      measured: spread(compactions.map((c) => c.stateBytes / MB)),
      pass: null,
      note: compactions.every((c) => c.freshLineage)
        ? `a fresh lineage (sessions/compaction.ts): the same content without its history; in its old lineage the state is ${spread(compactions.map((c) => c.historyBytes / MB)).median.toFixed(2)} MB`
        : 'the document kept its lineage',
    },
    {
      scenario: S,
      figure: 'file size after compaction',
      target: '–',
      unit: 'MB',
      measured: spread(compactions.map((c) => c.compactedMb)),
      pass: null,
      note: `freed pages stay in the file; a VACUUM INTO copy (as backups make) is ${spread(compactions.map((c) => c.vacuumedMb)).median.toFixed(2)} MB`,
    },
    { scenario: S, figure: 'opening the log (replay into Yjs)', target: '–', unit: 'ms', measured: spread(compactions.map((c) => c.replayMs)), pass: null },
    { scenario: S, figure: 'compaction time (fresh lineage or encoded state, write snapshot, drop log, checkpoint)', target: '–', unit: 'ms', measured: spread(compactions.map((c) => c.compactMs)), pass: null },
    {
      scenario: S,
      figure: 'opening the file → a client\'s full sync, after compaction',
      target: '≤ 300 ms',
      unit: 'ms',
      measured: sync,
      reference: spread(references.map((r) => r.syncMs)),
      ratio: ratio((r) => r.syncMs),
      pass: sync.median <= 300,
      note: 'from the client opening its socket to holding every note; a fresh host opens the session file on this first connection; the reference holds the same board in memory already; pass on the median',
    },
    {
      scenario: S,
      figure: '… of which the client applying the document',
      target: '–',
      unit: 'ms',
      measured: spread(syncs.map((s) => s.applyMs)),
      reference: spread(references.map((r) => r.applyMs)),
      pass: null,
      note: 'stock Yjs client, fresh process: Y.applyUpdate of the whole board, the same bytes from either server',
    },
    {
      scenario: S,
      figure: '… of which the server and the network (full sync − client applying)',
      target: '–',
      unit: 'ms',
      measured: spread(syncs.map(hostPart)),
      reference: spread(references.map(hostPart)),
      ratio: ratio(hostPart),
      pass: null,
    },
    {
      scenario: S,
      figure: 'server CPU time during that sync',
      target: '–',
      unit: 'ms',
      measured: spread(syncs.map((s) => s.serverCpuMs)),
      reference: spread(references.map((r) => r.serverCpuMs)),
      ratio: ratio((r) => r.serverCpuMs),
      pass: null,
      note: 'user + system CPU of the server process from the connect to the full sync, from /proc (10 ms ticks); ours includes opening the session file',
    },
    ...(uncompacted
      ? [{ scenario: S, figure: 'client connect → full sync, before compaction', target: '–', unit: 'ms', measured: spread([uncompacted.syncMs]), pass: null, note: 'the host replays and compacts the log while opening' }]
      : []),
    { scenario: S, figure: 'host spawn → ready with this data folder', target: '–', unit: 'ms', measured: spread(syncs.map((s) => s.readyMs)), pass: null },
  ];
}
