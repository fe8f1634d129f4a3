import { existsSync, fdatasync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '../../src/core/workshop/board';
import type { DomainError } from '../../src/core/errors';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import type { SyncFile } from '../../src/host/persistence/wal-durability';
import { tempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const FACILITATOR = { role: 'facilitator', anonymous: false } as const;

/** What the wrapped fdatasync saw: which file, and when the real fdatasync and the delay ended. */
interface SyncCall {
  readonly file: string;
  readonly fd: number;
  realDone: boolean;
  /** The descriptor still named the WAL when the callback was about to be told (not closed, not reused). */
  fdStillWal: boolean | null;
  reported: boolean;
}

/**
 * The real fdatasync, wrapped: it records the file behind the descriptor (/proc/self/fd), runs the
 * real call, then waits `delayMs` before reporting, or reports `fail` as its error.
 */
function wrappedSync(options: { delayMs?: number; fail?: boolean } = {}): { sync: SyncFile; calls: SyncCall[] } {
  const calls: SyncCall[] = [];
  const sync: SyncFile = (fd, callback) => {
    const call: SyncCall = { file: readlinkSync(`/proc/self/fd/${fd}`), fd, realDone: false, fdStillWal: null, reported: false };
    calls.push(call);
    fdatasync(fd, (error) => {
      call.realDone = true;
      setTimeout(() => {
        call.fdStillWal = safeReadlink(fd)?.includes(`${call.file.split('/').pop()}`) ?? false;
        call.reported = true;
        if (options.fail) {
          const failure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }) as NodeJS.ErrnoException;
          callback(failure);
        } else callback(error);
      }, options.delayMs ?? 0);
    });
  };
  return { sync, calls };
}

function safeReadlink(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/** One committed write as the write queue makes it: a transaction holding one board update. */
function commitNote(store: SqliteSessionStore, doc: Y.Doc, text: string): void {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  addNote(doc, text, FACILITATOR);
  store.transaction(() => store.appendUpdates([{ doc: 'board', data: update! }]));
}

describe('the session store makes commits durable with an fdatasync of the WAL (inline by default, or off the event loop)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });
  function newStore(sync: SyncFile): SqliteSessionStore {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const store = SqliteSessionStore.create(join(dir.path, 's.samskapa'), { id: 'abcdefghijklmnop', title: 'Hållbar', createdAt: 1 }, { syncWal: sync });
    cleanups.push(() => store.close());
    return store;
  }

  it('by default fdatasyncs the WAL on the event loop: a commit is durable before whenDurable returns', () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const store = SqliteSessionStore.create(join(dir.path, 's.samskapa'), { id: 'abcdefghijklmnop', title: 'Direkt', createdAt: 1 });
    cleanups.push(() => store.close());
    commitNote(store, new Y.Doc(), 'en lapp');
    let durable = false;
    store.whenDurable(() => (durable = true), (error) => expect.fail(String(error)));
    expect(durable).toBe(true);
  });

  it('calls back only after the wrapped fdatasync of the -wal file ran', async () => {
    const { sync, calls } = wrappedSync({ delayMs: 50 });
    const store = newStore(sync);
    // Nothing pending after creating the file: the answer comes at once.
    let now = false;
    store.whenDurable(() => (now = true), () => {});
    expect(now).toBe(true);

    commitNote(store, new Y.Doc(), 'en lapp');
    let durable = false;
    store.whenDurable(
      () => {
        durable = true;
        // The real fdatasync ended and its (delayed) report came before this.
        expect(calls.every((c) => c.realDone && c.reported)).toBe(true);
      },
      (error) => expect.fail(String(error)),
    );
    expect(durable).toBe(false);
    expect(calls).toHaveLength(1);
    await waitFor(() => durable, 'the commit to be durable');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.file).toBe(`${store.path}-wal`);
    expect(calls[0]!.file.endsWith('-wal')).toBe(true);
    // Durable now: a later question is answered at once.
    let again = false;
    store.whenDurable(() => (again = true), () => {});
    expect(again).toBe(true);
  });

  it('covers every commit made during one slow fdatasync with at most one more, and calls back in commit order', async () => {
    const { sync, calls } = wrappedSync({ delayMs: 200 });
    const store = newStore(sync);
    const doc = new Y.Doc();
    const order: number[] = [];
    commitNote(store, doc, 'först');
    store.whenDurable(() => order.push(0), (e) => expect.fail(String(e)));
    expect(calls).toHaveLength(1);
    // 30 commits while the first fdatasync runs (the event loop is free: this is it running).
    for (let i = 1; i <= 30; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      commitNote(store, doc, `under fsync ${i}`);
      store.whenDurable(() => order.push(i), (e) => expect.fail(String(e)));
    }
    expect(calls).toHaveLength(1);
    await waitFor(() => order.length === 31, 'every commit to be durable');
    expect(order).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.every((c) => c.file.endsWith('-wal'))).toBe(true);
  });

  it('reports a failing fdatasync to the waiting and to every later caller, and never calls them durable', async () => {
    const { sync, calls } = wrappedSync({ fail: true });
    const store = newStore(sync);
    commitNote(store, new Y.Doc(), 'förlorad?');
    const outcomes: string[] = [];
    store.whenDurable(() => outcomes.push('durable'), (error: DomainError) => outcomes.push(`failed:${error.code}`));
    await waitFor(() => outcomes.length === 1, 'the fdatasync to fail');
    expect(outcomes).toEqual(['failed:storage-failed']);
    expect(calls).toHaveLength(1);
    commitNote(store, new Y.Doc(), 'efter felet');
    store.whenDurable(() => outcomes.push('durable'), (error: DomainError) => outcomes.push(`failed:${error.code}`));
    expect(outcomes).toEqual(['failed:storage-failed', 'failed:storage-failed']);
    // A write that promises the disk when it returns refuses too.
    expect(() => store.revokeParticipant('nobody', 1)).toThrow(/fdatasync failed/);
  });

  it('makes writes outside the write path durable before they return (no waiting afterwards)', () => {
    const { sync } = wrappedSync({ delayMs: 1000 });
    const store = newStore(sync);
    store.addParticipant({ id: 'p1', name: 'Anna', role: 'patient', anonymous: false, createdAt: 1, revokedAt: null }, 'hash');
    let durable = false;
    store.whenDurable(() => (durable = true), () => {});
    expect(durable).toBe(true);
  });

  it('closes without waiting for an fdatasync in flight, whose descriptor stays open until it reports', async () => {
    const { sync, calls } = wrappedSync({ delayMs: 200 });
    const dir = tempDir();
    cleanups.push(dir.remove);
    const path = join(dir.path, 's.samskapa');
    const store = SqliteSessionStore.create(path, { id: 'abcdefghijklmnop', title: 'Stängs', createdAt: 1 }, { syncWal: sync });
    commitNote(store, new Y.Doc(), 'sista');
    let durable = false;
    store.whenDurable(() => (durable = true), (e) => expect.fail(String(e)));
    expect(calls).toHaveLength(1);
    store.close();
    // Close synced what was pending itself and ran the waiter; the WAL is folded in and gone.
    expect(durable).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    await waitFor(() => calls[0]!.reported, 'the fdatasync in flight to report');
    // Its descriptor was not closed (or reused) under it, and is closed once it reported.
    expect(calls[0]!.fdStillWal).toBe(true);
    await waitFor(() => safeReadlink(calls[0]!.fd)?.endsWith('-wal (deleted)') !== true, 'the descriptor to be closed');
    const reopened = SqliteSessionStore.open(path, { readonly: true });
    expect(reopened.loadDoc('board').updates).toHaveLength(1);
    reopened.close();
  });
});
