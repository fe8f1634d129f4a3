import { cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncTimeResult } from '../jobs/sync-time';
import { rssMb, startHost } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { sampleRss } from '../lib/rss';
import { buildHistory, writeSessionFile } from '../lib/session-file';
import { wsOf } from '../lib/setup';
import { spread } from '../lib/stats';

const S = '5 Many sessions';

/** 20 session files of an ordinary workshop each, opened at once in one host by one client each. */
export async function manySessions(ctx: Context): Promise<Figure[]> {
  const SESSIONS = ctx.quick ? 5 : 20;
  const shape = ctx.quick
    ? { notes: 200, votes: 100, edits: 500, writers: 20 }
    : { notes: 500, votes: 300, edits: 2_000, writers: 30 };
  const { log } = buildHistory(shape, 'bench many sessions');
  const pristine = mkdtempSync(join(ctx.tmp, 'many-'));
  const ids = Array.from({ length: SESSIONS }, () => writeSessionFile(pristine, log, 'bench many sessions').id);
  const runs: { idleMb: number; peakMb: number; afterMb: number; openMs: number }[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    // A fresh copy each run: opening compacts the log, which changes the files.
    const dir = mkdtempSync(join(ctx.tmp, 'many-run-'));
    cpSync(pristine, dir, { recursive: true });
    const host = await startHost({ dataDir: dir, profileDir: ctx.profileDir });
    const clients = ctx.processes.clients();
    try {
      const idleMb = rssMb(host.child.pid!);
      const rss = sampleRss(host.child.pid!, 50);
      const rooms = ids.map((id) => ({ room: `${id}/board`, notes: shape.notes }));
      const result = await clients.run<SyncTimeResult>('syncTime', { wsBase: wsOf(host.url), token: host.token, rooms, timeoutMs: 60_000 });
      const peakMb = rss.stop();
      runs.push({ idleMb, peakMb, afterMb: rssMb(host.child.pid!), openMs: result.totalMs });
      ctx.log(`  many sessions run ${i + 1}: open ${result.totalMs.toFixed(0)} ms, RSS idle ${idleMb.toFixed(0)} → peak ${peakMb.toFixed(0)} MB`);
    } finally {
      await clients.stop();
      await host.stop();
    }
  }
  const what = `${SESSIONS} files of ${shape.notes} notes, ${shape.votes} votes, ${shape.edits} edits (uncompacted log of ${log.length} updates each)`;
  return [
    { scenario: S, figure: `open all ${SESSIONS} (connect → every board synced)`, target: '–', unit: 'ms', measured: spread(runs.map((r) => r.openMs)), pass: null, note: `${what}; includes the host compacting each log while opening` },
    { scenario: S, figure: 'host RSS, idle after start', target: '–', unit: 'MB', measured: spread(runs.map((r) => r.idleMb)), pass: null },
    { scenario: S, figure: `host RSS, peak with ${SESSIONS} open`, target: '–', unit: 'MB', measured: spread(runs.map((r) => r.peakMb)), pass: null },
  ];
}
