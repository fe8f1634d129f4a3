import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { RoomResult } from '../jobs/room';
import { pageScripts } from '../lib/bundle';
import { installProbe } from '../lib/browser-probe';
import { NOTES_DRAWN_FIRST, NOTES_SHOWN_AT_FIRST } from '../../src/renderer/features/board/notes-limit';
import type { Probe } from '../lib/browser-probe';
import { ROOT, startHost } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { hostRoom } from '../lib/setup';
import type { Room } from '../lib/setup';
import { spread } from '../lib/stats';

const S = '6 Renderer';
const NOTES = 2000;
const WRITERS = 50;
/** How long the page may take to answer once the writers stop. */
const ANSWER_MS = 30_000;
/** The list's first paint draws this many; then, in a background render, up to FULL. */
const FIRST = Math.min(NOTES, NOTES_DRAWN_FIRST);
const FULL = Math.min(NOTES, NOTES_SHOWN_AT_FIRST);


function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A participant's stored membership (as the join page saves it), so the page opens straight on the board. */
function membership(room: Room): Record<string, string> {
  const p = room.participants[0]!;
  const record = {
    sessionId: room.sessionId,
    sessionTitle: 'bench',
    token: p.token,
    participantId: p.participantId,
    pseudonym: p.author.pseudonym,
    name: p.author.name ?? null,
    role: p.author.role,
    anonymous: false,
    joinedAt: Date.now(),
  };
  return { [`samskapa:participant:${room.sessionId}`]: JSON.stringify(record), 'samskapa:current-session': room.sessionId };
}

export async function renderer(ctx: Context): Promise<Figure[]> {
  const scripts = pageScripts(join(ROOT, 'out/renderer'));
  const figures: Figure[] = [
    {
      scenario: S,
      figure: 'participant page JavaScript, gzip',
      target: '≤ 250 KB',
      unit: 'KB',
      measured: { min: scripts.gzipTotal / 1024, median: scripts.gzipTotal / 1024, max: scripts.gzipTotal / 1024, runs: [scripts.gzipTotal / 1024] },
      pass: scripts.gzipTotal <= 250 * 1024,
      note: `${scripts.files.length} files loaded eagerly; largest: ${[...scripts.files].sort((a, b) => b.gzip - a.gzip).slice(0, 2).map((f) => `${f.file} ${(f.gzip / 1024).toFixed(0)} KB gzip`).join(', ')}`,
    },
  ];
  const host = await startHost({ dataDir: mkdtempSync(join(ctx.tmp, 'renderer-')), profileDir: ctx.profileDir });
  const clients = ctx.processes.clients();
  let browser: Browser | undefined;
  try {
    const writerCount = ctx.quick ? 10 : WRITERS;
    const room = await hostRoom(host, writerCount + 1);
    await clients.run('seed', { wsBase: room.wsBase, room: room.room, token: host.token, count: NOTES, perTransaction: 200 });
    browser = await launch();
    const storage = membership(room);
    const renderMs: number[] = [];
    const fullMs: number[] = [];
    let page;
    for (let i = 0; i < ctx.runs; i++) {
      // A fresh context each run: empty IndexedDB, so every note comes from the host.
      const context = await browser.newContext();
      // tsx (esbuild) wraps functions in `__name(…)`; the page has no such helper, so give it one.
      await context.addInitScript({ content: `var __name = (f) => f; (${installProbe.toString()})(${JSON.stringify({ target: FIRST, full: FULL, storage })});` });
      page = await context.newPage();
      await page.goto(`${host.url}/#board=${room.sessionId}`);
      await page.waitForFunction(() => (globalThis as unknown as { __bench: Probe }).__bench.fullAt > 0, undefined, { timeout: 60_000, polling: 100 });
      const at = await page.evaluate(() => {
        const probe = (globalThis as unknown as { __bench: Probe }).__bench;
        return { first: probe.notesAt, full: probe.fullAt };
      });
      renderMs.push(at.first);
      fullMs.push(at.full);
      ctx.log(`  renderer run ${i + 1}: a board of ${NOTES} notes, the newest ${FIRST} drawn at ${at.first.toFixed(0)} ms, ${FULL} at ${at.full.toFixed(0)} ms`);
      if (i < ctx.runs - 1) await context.close();
    }
    const render = spread(renderMs);
    figures.push(
      {
        scenario: S,
        figure: `a board of ${NOTES} notes rendered (navigation → the list's first paint, the newest ${FIRST})`,
        target: '≤ 1000 ms',
        unit: 'ms',
        measured: render,
        pass: render.median <= 1000,
        note: `Chromium headless, 1280×720, fresh profile, participant board; the first paint draws the newest ${NOTES_DRAWN_FIRST} (more than a screen holds), a background render the rest of the newest ${NOTES_SHOWN_AT_FIRST}, older ones on request; pass on the median`,
      },
      { scenario: S, figure: `… navigation → the newest ${FULL} drawn`, target: '–', unit: 'ms', measured: spread(fullMs), pass: null },
    );

    // Responsiveness: the last page stays open while participants write a note every 500 ms.
    const open = page!;
    await open.evaluate(() => {
      (globalThis as unknown as { __bench: Probe }).__bench.measuring = true;
    });
    const durationMs = ctx.quick ? 2_000 : 20_000;
    const writers = { ...room, participants: room.participants.slice(1, 1 + writerCount) };
    const result = await clients.run<RoomResult>('room', { ...writers, writers: writerCount, intervalMs: 500, durationMs, drainMs: 10_000 });
    const expected = NOTES + result.sent;
    await open
      .waitForFunction((n) => (globalThis as unknown as { __bench: Probe }).__bench.known() >= n, expected, { timeout: ctx.quick ? 5_000 : 20_000, polling: 250 })
      .catch(() => ctx.log('  renderer: the page did not show every note in time after the writers stopped'));
    const seen = await Promise.race([
      open.evaluate(() => {
        const probe = (globalThis as unknown as { __bench: Probe }).__bench;
        probe.measuring = false;
        return { longTasks: probe.longTasks, maxLagMs: probe.maxLagMs, count: probe.count(), known: probe.known() };
      }),
      new Promise<null>((done) => setTimeout(() => done(null), ANSWER_MS)),
    ]).catch(() => null);
    const during = `${writerCount} participants writing every 500 ms for ${durationMs / 1000} s (${result.sent} notes)`;
    if (!seen) {
      figures.push({ scenario: S, figure: 'page answers while they write', target: 'answers', unit: '', measured: null, pass: false, note: `${during}: the page did not answer within ${ANSWER_MS / 1000} s` });
      return figures;
    }
    const total = seen.longTasks.reduce((a, b) => a + b, 0);
    figures.push(
      {
        scenario: S,
        figure: 'notes the list holds at the end',
        target: `${expected}`,
        unit: '',
        measured: spread([seen.known]),
        pass: seen.known >= expected && seen.count === Math.min(expected, NOTES_SHOWN_AT_FIRST),
        note: `${during}; ${seen.count} drawn (the newest ${NOTES_SHOWN_AT_FIRST}, the rest on request)`,
      },
      { scenario: S, figure: 'long tasks while they write: count', target: '–', unit: '', measured: spread([seen.longTasks.length]), pass: null },
      { scenario: S, figure: 'long tasks while they write: longest', target: '–', unit: 'ms', measured: spread([Math.max(0, ...seen.longTasks)]), pass: null },
      { scenario: S, figure: 'long tasks while they write (until the page caught up): total', target: '–', unit: 'ms', measured: spread([total]), pass: null },
      { scenario: S, figure: 'page event-loop delay while they write, max', target: '–', unit: 'ms', measured: spread([seen.maxLagMs]), pass: null },
    );
    return figures;
  } finally {
    await browser?.close();
    await clients.stop();
    await host.stop();
  }
}
