import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, selectNotes } from '../../src/core/workshop/board';
import { SessionSummarySchema } from '../../src/contracts/http';
import { COMPACT_AFTER_UPDATES } from '../../src/host/sessions/live-session';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

function fileState(path: string): { notes: string[]; logRows: number; snapshots: number } {
  const store = SqliteSessionStore.open(path, { readonly: true });
  const doc = new Y.Doc();
  const stored = store.loadDoc('board');
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  store.close();
  const db = new Database(path, { readonly: true });
  const logRows = (db.prepare("SELECT count(*) AS n FROM updates WHERE doc = 'board'").get() as { n: number }).n;
  const snapshots = (db.prepare("SELECT count(*) AS n FROM snapshots WHERE doc = 'board'").get() as { n: number }).n;
  db.close();
  return { notes: selectNotes(doc).map((n) => n.text), logRows, snapshots };
}

describe('one SQLite file per session', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function host(dataDir: string): Promise<TestHost> {
    const t = await startTestHost({ dataDir });
    cleanups.push(() => t.stop());
    return t;
  }

  it('keeps sessions and every note across a host restart, with the same facilitator token', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await host(dir.path);
    const s = await first.api.createSession('Omstart');
    const share = await first.api.share(s.id);
    const anna = await new ApiClient(first.host.url).join(share.joinCode, 'Anna', 'patient');
    const c = connectClient(first.host.url, s.id, 'board', anna.token);
    await c.whenSynced();
    for (let i = 0; i < 20; i++) addNote(c.doc, `anteckning ${i}`, { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
    const fac = connectClient(first.host.url, s.id, 'board', first.host.facilitatorToken);
    await waitFor(() => selectNotes(fac.doc).length === 20, 'all notes at the facilitator');
    c.destroy();
    fac.destroy();
    await first.stop();

    const second = await host(dir.path);
    expect(second.host.facilitatorToken).toBe(first.host.facilitatorToken);
    const list = (await second.api.json<unknown[]>('GET', '/api/sessions')).map((x) => SessionSummarySchema.parse(x));
    expect(list.map((x) => [x.title, x.shared])).toEqual([['Omstart', true]]);
    // The participant's token still works, and the share (code) survived.
    const again = connectClient(second.host.url, s.id, 'board', anna.token);
    await again.whenSynced();
    const texts = selectNotes(again.doc).map((n) => n.text);
    expect(texts.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `anteckning ${i}`).sort());
    again.destroy();
    const rejoin = await new ApiClient(second.host.url).join(share.joinCode, 'Bo', 'staff');
    expect(rejoin.sessionId).toBe(s.id);
  });

  it('compacts the log as it grows, and the content stays identical', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const t = await host(dir.path);
    const s = await t.api.createSession('Kompaktering');
    const c = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    await c.whenSynced();
    const count = COMPACT_AFTER_UPDATES + 137;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      // One update per tick so the host sees them as separate log entries.
      ids.push(addNote(c.doc, `not ${i}`, { role: 'facilitator', anonymous: false }).id);
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    for (let i = 0; i < 30; i++) editNote(c.doc, ids[i]!, `ändrad ${i}`);
    const observer = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    await waitFor(() => selectNotes(observer.doc).filter((n) => n.text.startsWith('ändrad')).length === 30, 'edits to arrive');
    const live = selectNotes(observer.doc).map((n) => n.text);
    c.destroy();
    observer.destroy();

    const during = fileState(s.file);
    expect(during.snapshots).toBe(1);
    expect(during.logRows).toBeLessThan(COMPACT_AFTER_UPDATES);
    expect(during.notes).toEqual(live);

    await t.stop();
    const after = fileState(s.file);
    expect(after.logRows).toBe(0);
    expect(after.notes).toEqual(live);
    expect(after.notes).toHaveLength(count);
  });

  it('lists a corrupt file as damaged, names it, and still opens healthy sessions', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const t = await host(dir.path);
    const good = await t.api.createSession('Frisk');
    await t.stop();
    const badPath = join(dir.path, 'sessions', 'zzzzzzzzzzzzzzzz.samskapa');
    writeFileSync(badPath, 'this is not a database, just text '.repeat(200));
    const t2 = await host(dir.path);
    const list = (await t2.api.json<unknown[]>('GET', '/api/sessions')).map((x) => SessionSummarySchema.parse(x));
    expect(list.find((x) => x.id === good.id)?.status).toBe('ok');
    expect(list.find((x) => x.id === 'zzzzzzzzzzzzzzzz')?.status).toBe('corrupt');
    expect(t2.logs.some((l) => l.includes(badPath))).toBe(true);
    const res = await t2.api.request('POST', '/api/sessions/zzzzzzzzzzzzzzzz/share', { address: '127.0.0.1' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toBe('session-corrupt');
    const c = connectClient(t2.host.url, good.id, 'board', t2.host.facilitatorToken);
    await c.whenSynced();
    c.destroy();
  });

  it('refuses a foreign SQLite file and a file from a newer version without writing to them', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const t = await host(dir.path);
    const s = await t.api.createSession('Ny');
    await t.stop();
    const foreign = join(dir.path, 'sessions', 'ffffffffffffffff.samskapa');
    const db = new Database(foreign);
    db.exec('CREATE TABLE x (y TEXT); INSERT INTO x VALUES (1)');
    db.close();
    const newer = join(dir.path, 'sessions', 'nnnnnnnnnnnnnnnn.samskapa');
    copyFileSync(s.file, newer);
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    const t2 = await host(dir.path);
    const list = (await t2.api.json<unknown[]>('GET', '/api/sessions')).map((x) => SessionSummarySchema.parse(x));
    expect(list.find((x) => x.id === 'ffffffffffffffff')?.status).toBe('corrupt');
    expect(list.find((x) => x.id === 'nnnnnnnnnnnnnnnn')?.status).toBe('too-new');
    await t2.stop();
    const check = new Database(newer, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
    const f = new Database(foreign, { readonly: true });
    expect(f.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 1 });
    f.close();
  });

  it('refuses a data folder it cannot write, naming it', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(startTestHost({ dataDir: file })).rejects.toThrow(/not-a-folder/);
  });

  it('writes in WAL mode', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const t = await host(dir.path);
    const s = await t.api.createSession('Läge');
    const db = new Database(s.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const store = SqliteSessionStore.open(s.file, { readonly: true });
    store.close();
  });
});
