import { fdatasync, readlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, observeNotes, selectNotes } from '../../src/core/workshop/board';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import type { SyncFile } from '../../src/host/persistence/wal-durability';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

const FACILITATOR = { role: 'facilitator', anonymous: false } as const;

/** One call of the wrapped fdatasync: its file, when it was asked, and when it reported back to the host. */
interface SyncCall {
  readonly file: string;
  readonly startedAt: number;
  endedAt: number | null;
}

/**
 * The host's real WAL fdatasync, wrapped: it runs, then its report to the host is held back while
 * `slow` is set, for at least `delayMs` and until `hold` (if any) settles.
 */
function slowableSync(): {
  sync: SyncFile;
  calls: SyncCall[];
  slow: { on: boolean; delayMs: number; hold: Promise<void> | null };
} {
  const calls: SyncCall[] = [];
  const slow = { on: false, delayMs: 300, hold: null as Promise<void> | null };
  const sync: SyncFile = (fd, callback) => {
    const call: SyncCall = { file: readlinkSync(`/proc/self/fd/${fd}`), startedAt: performance.now(), endedAt: null };
    calls.push(call);
    const delayed = slow.on;
    const hold = slow.hold;
    fdatasync(fd, (error) => {
      const report = (): void => {
        call.endedAt = performance.now();
        callback(error);
      };
      if (!delayed) return report();
      void Promise.all([sleep(slow.delayMs), hold ?? Promise.resolve()]).then(report);
    });
  };
  return { sync, calls, slow };
}

/** When each note (by text) first appeared in a client's document. */
function arrivals(client: YClient): Map<string, number> {
  const seen = new Map<string, number>();
  const record = (): void => {
    for (const note of selectNotes(client.doc)) if (!seen.has(note.text)) seen.set(note.text, performance.now());
  };
  record();
  observeNotes(client.doc, record);
  return seen;
}

function notesInFile(path: string): string[] {
  const store = SqliteSessionStore.open(path, { readonly: true });
  const doc = new Y.Doc();
  for (const update of store.loadDoc('board').updates) Y.applyUpdate(doc, update);
  store.close();
  return selectNotes(doc).map((n) => n.text);
}

describe('an update leaves the host only once its fdatasync has ended', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function host(dataDir: string, sync: SyncFile): Promise<TestHost> {
    const t = await startTestHost({ dataDir, syncWal: sync });
    cleanups.push(() => t.stop());
    return t;
  }
  function client(t: TestHost, sessionId: string): YClient {
    const c = connectClient(t.host.url, sessionId, 'board', t.host.facilitatorToken);
    cleanups.push(() => c.destroy());
    return c;
  }

  it('relays a note, and answers a client that connects meanwhile, only after the slowed fdatasync covering it reported', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { sync, calls, slow } = slowableSync();
    const t = await host(dir.path, sync);
    const session = await t.api.createSession('Långsam disk');
    const a = client(t, session.id);
    const b = client(t, session.id);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const atB = arrivals(b);

    // From now on every fdatasync reports 300 ms late, and the next one also not before C is connected.
    let connectedC!: () => void;
    slow.on = true;
    slow.hold = new Promise((resolve) => (connectedC = resolve));
    const before = calls.length;
    const sentAt = performance.now();
    addNote(a.doc, 'på disk först', FACILITATOR);
    await waitFor(() => calls.length > before, 'the fdatasync after the commit to start');
    const covering = calls[before]!;
    expect(covering.file).toBe(`${session.file}-wal`);

    // C connects while that fdatasync runs; its first sync answer (computed now) holds the note.
    const c = client(t, session.id);
    const atC = arrivals(c);
    let syncedAt: number | null = null;
    c.provider.on('sync', (synced: boolean) => {
      if (synced && syncedAt === null) syncedAt = performance.now();
    });
    await waitFor(() => c.provider.wsconnected, 'C to be connected');
    await sleep(150);
    // Still inside the window: nobody has the note, and C has had no sync answer.
    expect(covering.endedAt).toBeNull();
    expect(atB.has('på disk först')).toBe(false);
    expect(atC.has('på disk först')).toBe(false);
    expect(syncedAt).toBeNull();
    connectedC();

    await waitFor(() => atB.has('på disk först') && atC.has('på disk först') && syncedAt !== null, 'the note at B and C, and C synced');
    const ended = covering.endedAt!;
    expect(covering.startedAt).toBeGreaterThanOrEqual(sentAt);
    expect(atB.get('på disk först')!).toBeGreaterThanOrEqual(ended);
    expect(atC.get('på disk först')!).toBeGreaterThanOrEqual(ended);
    // C's sync answer (computed while the fdatasync ran, so holding the note) waited for it too.
    expect(syncedAt!).toBeGreaterThanOrEqual(ended);
    expect(notesInFile(session.file)).toEqual(['på disk först']);
  });

  it('with the normal fdatasync, everything written arrives everywhere and is in the file after a restart', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { sync, calls } = slowableSync();
    const first = await host(dir.path, sync);
    const session = await first.api.createSession('Vanlig disk');
    const writers = [client(first, session.id), client(first, session.id), client(first, session.id)];
    const reader = client(first, session.id);
    await Promise.all([...writers, reader].map((w) => w.whenSynced()));
    const texts: string[] = [];
    for (let round = 0; round < 10; round++) {
      writers.forEach((w, i) => {
        const text = `skribent ${i} nr ${round}`;
        texts.push(text);
        addNote(w.doc, text, FACILITATOR);
      });
      await sleep(5);
    }
    const late = client(first, session.id);
    for (const c of [...writers, reader, late]) {
      await waitFor(() => selectNotes(c.doc).length === texts.length, 'every note at every client');
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.file === `${session.file}-wal`)).toBe(true);
    expect(first.host.writes.written).toBeGreaterThanOrEqual(texts.length);
    await first.stop();
    expect(notesInFile(session.file).sort()).toEqual([...texts].sort());

    const second = await host(dir.path, sync);
    const check = client(second, session.id);
    await waitFor(() => selectNotes(check.doc).length === texts.length, 'every note after the restart');
    expect(selectNotes(check.doc).map((n) => n.text).sort()).toEqual([...texts].sort());
  });

  it('relays nothing of a batch whose fdatasync fails; the session reloads and the writer’s device sends it again', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    let failNext = false;
    // The real fdatasync runs; the next report after `failNext` is set says EIO, as a failing disk does.
    const sync: SyncFile = (fd, callback) =>
      fdatasync(fd, (error) => {
        if (failNext) {
          failNext = false;
          return callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
        }
        callback(error);
      });
    const t = await host(dir.path, sync);
    const session = await t.api.createSession('Trasig disk');
    const a = client(t, session.id);
    const b = client(t, session.id);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const atB = arrivals(b);
    failNext = true;
    addNote(a.doc, 'när disken felade', FACILITATOR);
    // Both lose their connection (the session is reloaded from its file); B never got the note from that batch.
    await waitFor(() => a.closeCodes.length > 0 && b.closeCodes.length > 0, 'both connections closed');
    expect(atB.has('när disken felade')).toBe(false);
    expect(t.logs.some((line) => /fdatasync failed|EIO/.test(line))).toBe(true);
    // A's device still holds the note and sends it on reconnecting; now the disk works.
    await waitFor(() => atB.has('när disken felade'), 'the note at B after the reconnect', 15_000);
    await t.stop();
    expect(notesInFile(session.file)).toEqual(['när disken felade']);
  });
});
