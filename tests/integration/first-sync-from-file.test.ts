import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

const FACILITATOR = { role: 'facilitator', anonymous: false } as const;

/**
 * A freshly opened session answers a client that holds nothing with the stored bytes (snapshot +
 * log) and builds its document later (Room, docs/performance.md scenario 4). These tests check that
 * what clients end up with is exactly the file's content, whichever way a client arrives.
 */
describe('first sync from the session file', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function host(dataDir: string): Promise<TestHost> {
    const t = await startTestHost({ dataDir });
    cleanups.push(() => t.stop());
    return t;
  }

  /** A session whose board file holds a snapshot and a log after it; returns its id, texts and token. */
  async function sessionOnDisk(dataDir: string): Promise<{ id: string; texts: string[]; token: string }> {
    const first = await host(dataDir);
    const s = await first.api.createSession('Från fil');
    const c = connectClient(first.host.url, s.id, 'board', first.host.facilitatorToken);
    await c.whenSynced();
    for (let i = 0; i < 30; i++) addNote(c.doc, `före ${i}`, FACILITATOR);
    await waitFor(() => first.host.writes.written >= 30, 'notes stored');
    c.destroy();
    await first.stop(); // compacts: the file now holds a snapshot and no log
    // A log after the snapshot, written as the write queue writes it.
    const store = SqliteSessionStore.open(s.file);
    const doc = new Y.Doc();
    for (const update of store.loadDoc('board').updates) Y.applyUpdate(doc, update);
    const log: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => log.push(update));
    for (let i = 0; i < 5; i++) addNote(doc, `efter ${i}`, FACILITATOR);
    store.appendUpdates(log.map((data) => ({ doc: 'board' as const, data })));
    expect(store.loadDoc('board').updates).toHaveLength(6);
    store.close();
    const texts = [...Array.from({ length: 30 }, (_, i) => `före ${i}`), ...Array.from({ length: 5 }, (_, i) => `efter ${i}`)];
    return { id: s.id, texts: texts.sort(), token: first.host.facilitatorToken };
  }

  it('gives an empty client exactly the stored notes, and a write right after reaches everyone and the file', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { id, texts, token } = await sessionOnDisk(dir.path);
    const second = await host(dir.path);
    const a = connectClient(second.host.url, id, 'board', token);
    await a.whenSynced();
    await waitFor(() => selectNotes(a.doc).length === texts.length, 'all stored notes at the client');
    expect(selectNotes(a.doc).map((n) => n.text).sort()).toEqual(texts);
    // A write straight after the answer from the stored bytes builds the document on the spot.
    addNote(a.doc, 'ny', FACILITATOR);
    const b = connectClient(second.host.url, id, 'board', token);
    await waitFor(() => selectNotes(b.doc).length === texts.length + 1, 'the new note at a second client');
    expect(second.host.manager.open(id).rooms.board.built).toBe(true);
    a.destroy();
    b.destroy();
    await second.stop();

    const third = await host(dir.path);
    const c = connectClient(third.host.url, id, 'board', token);
    await waitFor(() => selectNotes(c.doc).length === texts.length + 1, 'everything after another restart');
    expect(selectNotes(c.doc).map((n) => n.text).sort()).toEqual([...texts, 'ny'].sort());
    c.destroy();
  });

  it('syncs both ways with a client that already holds part of the document and wrote while away', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { id, texts, token } = await sessionOnDisk(dir.path);
    // A device that synced earlier: it holds the notes, then writes one while the host is down.
    const reader = await host(dir.path);
    const device = new Y.Doc();
    const early = connectClient(reader.host.url, id, 'board', token, device);
    await waitFor(() => selectNotes(device).length === texts.length, 'the device to hold the notes');
    early.provider.destroy();
    await reader.stop();
    addNote(device, 'skriven offline', FACILITATOR);

    const next = await host(dir.path);
    const back = connectClient(next.host.url, id, 'board', token, device);
    const fresh = connectClient(next.host.url, id, 'board', token);
    await waitFor(() => selectNotes(fresh.doc).length === texts.length + 1, 'the offline note at another client');
    expect(selectNotes(fresh.doc).map((n) => n.text).sort()).toEqual([...texts, 'skriven offline'].sort());
    expect(selectNotes(device).length).toBe(texts.length + 1);
    back.destroy();
    fresh.destroy();
  });
});
