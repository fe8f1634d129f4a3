import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, selectNotes } from '../../src/core/workshop/board';
import type { Note } from '../../src/core/workshop/board';
import { historyWeight } from '../../src/core/workshop/fresh-lineage';
import { CLOSE_CODES } from '../../src/contracts/sync';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

const FACILITATOR = { role: 'facilitator', anonymous: false } as const;
/** Rounds of the facilitator editing two notes back and forth: 2 deleted items each, over the threshold. */
const ROUNDS = 12_000;

function boardOf(store: SqliteSessionStore): Y.Doc {
  const doc = new Y.Doc();
  for (const update of store.loadDoc('board').updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A device's document as its copy holds it (what IndexedDB gives back before it connects). */
function docFrom(copy: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, copy);
  return doc;
}

const texts = (doc: Y.Doc): string[] => selectNotes(doc).map((n) => n.text).sort();

/**
 * A long workshop's board gets a fresh lineage while the session closes (docs/performance.md,
 * scenario 4): the same notes without their history. These tests use a real host, real files and
 * stock y-websocket clients, and check what a device holding the old lineage meets afterwards.
 */
describe('a fresh lineage for a board that is mostly history', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const clients: YClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function host(dataDir: string): Promise<TestHost> {
    const t = await startTestHost({ dataDir });
    cleanups.push(() => t.stop());
    return t;
  }
  const connect = (...args: Parameters<typeof connectClient>): YClient => {
    const c = connectClient(...args);
    clients.push(c);
    return c;
  };

  it('keeps the notes and who may edit them, and refuses a device copy of the old lineage until it syncs again', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await host(dir.path);
    const session = await first.api.createSession('Lång historik');
    const share = await first.api.share(session.id);
    const anna = await new ApiClient(first.host.url).join(share.joinCode, 'Anna', 'patient');
    const bo = await new ApiClient(first.host.url).join(share.joinCode, 'Bo', 'staff');
    const fac = connect(first.host.url, session.id, 'board', first.host.facilitatorToken);
    const annaBoard = connect(first.host.url, session.id, 'board', anna.token);
    const boBoard = connect(first.host.url, session.id, 'board', bo.token);
    await Promise.all([fac.whenSynced(), annaBoard.whenSynced(), boBoard.whenSynced()]);
    const annaNote = addNote(annaBoard.doc, 'Väntan på besked är det svåraste', { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
    addNote(boBoard.doc, 'Vi hinner inte fråga hur det går hemma', { role: 'staff', anonymous: false, name: 'Bo', pseudonym: bo.pseudonym });
    const [one, two] = [addNote(fac.doc, 'Tema 1', FACILITATOR), addNote(fac.doc, 'Tema 2', FACILITATOR)];
    fac.doc.transact(() => {
      for (let i = 0; i < ROUNDS; i++) {
        editNote(fac.doc, one.id, `Tema 1, version ${i}`);
        editNote(fac.doc, two.id, `Tema 2, version ${i}`);
      }
    });
    await waitFor(() => selectNotes(annaBoard.doc).length === 4 && texts(annaBoard.doc).includes(`Tema 2, version ${ROUNDS - 1}`), 'every edit at Anna', 30_000);
    const expected = texts(fac.doc);
    const annaOldCopy = Y.encodeStateAsUpdate(annaBoard.doc);
    const oldClients = [...fac.doc.store.clients.keys()];
    const oldStateVector = Y.decodeStateVector(Y.encodeStateVector(fac.doc));
    for (const c of clients.splice(0)) c.destroy();
    await first.stop(); // closes the session: compaction, here into a fresh lineage
    expect(first.logs.some((line) => line.includes('fresh lineage'))).toBe(true);

    // The file: the same notes, no history, the old client ids retired.
    const store = SqliteSessionStore.open(session.file);
    const stored = boardOf(store);
    expect(texts(stored)).toEqual(expected);
    expect(historyWeight(stored)).toEqual({ items: 4, deleted: 0 });
    expect([...store.retiredClients('board').keys()].sort()).toEqual(oldClients.sort());
    expect(store.retiredClients('board')).toEqual(oldStateVector);
    expect(store.loadDoc('board').updates).toHaveLength(1);
    store.close();

    const second = await host(dir.path);
    // Where the old lineage ended, for a device to tell what of its copy never reached the host.
    const lineage = await new ApiClient(second.host.url, anna.token).json<{ stateVector: string }>('GET', `/api/sessions/${session.id}/lineage/board`);
    expect(Y.decodeStateVector(Buffer.from(lineage.stateVector, 'base64'))).toEqual(oldStateVector);
    expect((await new ApiClient(second.host.url, anna.token).request('GET', `/api/sessions/${session.id}/lineage/vault`)).status).toBe(403);
    expect((await new ApiClient(second.host.url, anna.token).request('GET', `/api/sessions/${session.id}/lineage/nope`)).status).toBe(404);
    expect((await new ApiClient(second.host.url).request('GET', `/api/sessions/${session.id}/lineage/board`)).status).toBe(401);
    const control = await second.api.json<{ stateVector: string }>('GET', `/api/sessions/${session.id}/lineage/control`);
    expect(Y.decodeStateVector(Buffer.from(control.stateVector, 'base64')).size).toBe(0);
    // Anna's phone comes back with its copy of the old lineage: refused with 4409, nothing merged.
    const stale = connect(second.host.url, session.id, 'board', anna.token, docFrom(annaOldCopy));
    await waitFor(() => stale.closeCodes.includes(CLOSE_CODES.staleCopy), 'the 4409 close');
    stale.destroy();
    // It drops its copy and syncs again: the same notes.
    const annaAgain = connect(second.host.url, session.id, 'board', anna.token);
    const facAgain = connect(second.host.url, session.id, 'board', second.host.facilitatorToken);
    await Promise.all([annaAgain.whenSynced(), facAgain.whenSynced()]);
    await waitFor(() => selectNotes(annaAgain.doc).length === 4, 'the notes at Anna again');
    expect(texts(annaAgain.doc)).toEqual(expected);
    // Anna still owns her note: her edit goes through.
    editNote(annaAgain.doc, annaNote.id, 'Väntan på besked, och att ingen ringer tillbaka');
    await waitFor(() => texts(facAgain.doc).includes('Väntan på besked, och att ingen ringer tillbaka'), 'Anna\'s edit at the facilitator');
    // Bo still does not: editing Anna's note is refused as before.
    const boAgain = connect(second.host.url, session.id, 'board', bo.token);
    await boAgain.whenSynced();
    await waitFor(() => texts(boAgain.doc).includes('Väntan på besked, och att ingen ringer tillbaka'), 'Anna\'s edit at Bo');
    editNote(boAgain.doc, annaNote.id, 'Bo skriver över Anna');
    await waitFor(() => boAgain.closeCodes.includes(CLOSE_CODES.forbidden), 'the 4403 for Bo');

    // A device that loads its old copy after syncing the new lineage sends old items: refused too.
    const late = connect(second.host.url, session.id, 'board', anna.token);
    await late.whenSynced();
    Y.applyUpdate(late.doc, annaOldCopy);
    await waitFor(() => late.closeCodes.includes(CLOSE_CODES.staleCopy), 'the 4409 for a late old copy');
    const live = second.host.manager.open(session.id).rooms.board.doc;
    expect(historyWeight(live).deleted).toBeLessThanOrEqual(1); // Anna's one edit
    expect(selectNotes(live).map((n: Note) => n.text)).not.toContain('Bo skriver över Anna');
    expect(selectNotes(live)).toHaveLength(4);
  });

  it('restores a backup from before the renewal: a device holding the fresh lineage syncs the restored board afresh', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await host(dir.path);
    const session = await first.api.createSession('Återställd');
    const fac = connect(first.host.url, session.id, 'board', first.host.facilitatorToken);
    await fac.whenSynced();
    const [one, two] = [addNote(fac.doc, 'Tema 1', FACILITATOR), addNote(fac.doc, 'Tema 2', FACILITATOR)];
    fac.doc.transact(() => {
      for (let i = 0; i < ROUNDS; i++) {
        editNote(fac.doc, one.id, `Tema 1, version ${i}`);
        editNote(fac.doc, two.id, `Tema 2, version ${i}`);
      }
    });
    await waitFor(() => first.host.writes.written >= 3, 'the notes and the edits stored');
    for (const c of clients.splice(0)) c.destroy();
    await first.stop(); // a 'stop' backup of the old lineage, then the close renews the board

    const second = await host(dir.path);
    const device = connect(second.host.url, session.id, 'board', second.host.facilitatorToken);
    await device.whenSynced();
    await waitFor(() => selectNotes(device.doc).length === 2, 'the fresh board at the device');
    addNote(device.doc, 'Efter förnyelsen', FACILITATOR);
    await waitFor(() => second.host.writes.written >= 1, 'the new note stored');
    const freshCopy = Y.encodeStateAsUpdate(device.doc);
    for (const c of clients.splice(0)) c.destroy();
    const backups = await second.api.json<{ name: string; reason: string }[]>('GET', `/api/sessions/${session.id}/backups`);
    const beforeRenewal = backups.find((b) => b.reason === 'stop');
    expect(beforeRenewal).toBeDefined();
    await second.api.json('POST', `/api/sessions/${session.id}/backups/${beforeRenewal!.name}/restore`);

    const stale = connect(second.host.url, session.id, 'board', second.host.facilitatorToken, docFrom(freshCopy));
    await waitFor(() => stale.closeCodes.includes(CLOSE_CODES.staleCopy), 'the 4409 for a copy of the renewed board');
    const again = connect(second.host.url, session.id, 'board', second.host.facilitatorToken);
    await again.whenSynced();
    await waitFor(() => selectNotes(again.doc).length === 2, 'the restored board');
    expect(texts(again.doc)).toEqual([`Tema 1, version ${ROUNDS - 1}`, `Tema 2, version ${ROUNDS - 1}`]);
  });

  it('leaves an ordinary workshop in its lineage when it closes', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await host(dir.path);
    const session = await first.api.createSession('Vanlig dag');
    const fac = connect(first.host.url, session.id, 'board', first.host.facilitatorToken);
    await fac.whenSynced();
    const notes = Array.from({ length: 50 }, (_, i) => addNote(fac.doc, `Anteckning ${i}`, FACILITATOR));
    for (let round = 0; round < 20; round++) for (const note of notes) editNote(fac.doc, note.id, `Anteckning ${note.id} v${round}`);
    await waitFor(() => first.host.writes.written >= 1050, 'every edit stored');
    const clientsBefore = [...fac.doc.store.clients.keys()];
    const facCopy = Y.encodeStateAsUpdate(fac.doc);
    for (const c of clients.splice(0)) c.destroy();
    await first.stop();
    expect(first.logs.some((line) => line.includes('fresh lineage'))).toBe(false);
    const store = SqliteSessionStore.open(session.file);
    expect(store.retiredClients('board').size).toBe(0);
    expect([...boardOf(store).store.clients.keys()]).toEqual(expect.arrayContaining(clientsBefore));
    store.close();
    // The device's copy is still welcome.
    const second = await host(dir.path);
    const again = connect(second.host.url, session.id, 'board', second.host.facilitatorToken, docFrom(facCopy));
    await again.whenSynced();
    expect(again.closeCodes).not.toContain(CLOSE_CODES.staleCopy);
  });
});
