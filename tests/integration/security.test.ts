import { createConnection } from 'node:net';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, openSync, closeSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addStep, selectAgenda } from '../../src/core/workshop/agenda';
import { goToStep } from '../../src/core/workshop/run-state';
import { CLOSE_CODES } from '../../src/contracts/sync';
import { BackupSummarySchema, ErrorBodySchema, ParticipantSummarySchema } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { connectClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function raw(url: string, options: WebSocket.ClientOptions = {}): { ws: WebSocket; opened: Promise<void>; closed: Promise<number> } {
  const ws = new WebSocket(url, options);
  return {
    ws,
    opened: new Promise((resolve) => ws.once('open', () => resolve())),
    closed: new Promise((resolve) => ws.once('close', (code) => resolve(code))),
  };
}

function updateMessage(update: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return Buffer.from(encoding.toUint8Array(e));
}

describe('access and limits (docs/SECURITY.md)', () => {
  let t: TestHost;
  afterEach(async () => t?.dispose());

  it('listens on a second address only while a session is shared there', async () => {
    t = await startTestHost();
    const port = t.host.port;
    expect(await canConnect('127.0.0.2', port)).toBe(false);
    const a = await t.api.createSession('A');
    const b = await t.api.createSession('B');
    const share = await t.api.share(a.id, '127.0.0.2');
    expect(share.joinUrl).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/#join=/);
    expect(await canConnect('127.0.0.2', share.port)).toBe(true);
    await t.api.share(b.id, '127.0.0.2');
    await t.api.json('POST', `/api/sessions/${a.id}/close`);
    expect(await canConnect('127.0.0.2', share.port)).toBe(true);
    await t.api.json('POST', `/api/sessions/${b.id}/close`);
    expect(await canConnect('127.0.0.2', share.port)).toBe(false);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
  });

  it('regenerating the code revokes the old code and link', async () => {
    t = await startTestHost();
    const s = await t.api.createSession('S');
    const old = await t.api.share(s.id);
    const fresh = await t.api.json<{ joinCode: string; joinSecret: string }>('POST', `/api/sessions/${s.id}/share/regenerate`);
    expect(fresh.joinSecret).not.toBe(old.joinSecret);
    const guest = new ApiClient(t.host.url);
    expect((await guest.request('POST', '/api/join', { code: old.joinCode, role: 'patient' })).status).toBe(404);
    expect((await guest.request('POST', '/api/join', { secret: old.joinSecret, role: 'patient' })).status).toBe(404);
    expect((await guest.request('POST', '/api/join', { code: fresh.joinCode, role: 'patient' })).status).toBe(200);
  });

  it('removing a participant closes their connections and their token stops working', async () => {
    t = await startTestHost();
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    const anna = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
    const c = connectClient(t.host.url, s.id, 'board', anna.token);
    await c.whenSynced();
    const list = (await t.api.json<unknown[]>('GET', `/api/sessions/${s.id}/participants`)).map((p) => ParticipantSummarySchema.parse(p));
    expect(list).toMatchObject([{ id: anna.participantId, name: 'Anna', role: 'patient', removed: false }]);
    await t.api.json('DELETE', `/api/sessions/${s.id}/participants/${anna.participantId}`);
    await waitFor(() => c.closeCodes.includes(CLOSE_CODES.removed), 'the 4411 close');
    c.destroy();
    expect((await new ApiClient(t.host.url, anna.token).request('GET', '/api/me')).status).toBe(401);
    const again = raw(`${t.host.url.replace('http', 'ws')}/sync/${s.id}/board?token=${anna.token}`);
    expect(await again.closed).toBe(CLOSE_CODES.unauthorized);
  });

  it('closes a participant who sends too large a message, too many, or fills the document', async () => {
    t = await startTestHost({ limits: { participantMessageBytes: 4096, messagesPerSecond: 5, messageBurst: 10, documentBytes: 20_000 } });
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    const anna = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
    const url = `${t.host.url.replace('http', 'ws')}/sync/${s.id}/board?token=${anna.token}`;

    const big = raw(url);
    await big.opened;
    big.ws.send(Buffer.alloc(5000, 1));
    expect(await big.closed).toBe(CLOSE_CODES.tooLarge);

    const flood = raw(url);
    await flood.opened;
    const query = Buffer.from([3]); // query-awareness: harmless on its own, a flood when repeated
    for (let i = 0; i < 50; i++) flood.ws.send(query);
    expect(await flood.closed).toBe(CLOSE_CODES.tooMany);

    const c = connectClient(t.host.url, s.id, 'board', anna.token);
    await c.whenSynced();
    for (let i = 0; i < 8 && !c.closeCodes.includes(CLOSE_CODES.tooLarge); i++) {
      addNote(c.doc, `${'å'.repeat(1500)} ${i}`, { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
      await sleep(250);
    }
    await waitFor(() => c.closeCodes.includes(CLOSE_CODES.tooLarge), 'the document-full close');
    c.destroy();
  });

  it('limits connections per device address (LAN) and answers each over-limit socket with 4429', async () => {
    t = await startTestHost({ limits: { connectionsPerAddress: 3, exemptLoopback: false } });
    const s = await t.api.createSession('S');
    const url = `${t.host.url.replace('http', 'ws')}/sync/${s.id}/board?token=${t.host.facilitatorToken}`;
    const open = [raw(url, { localAddress: '127.0.0.5' }), raw(url, { localAddress: '127.0.0.5' }), raw(url, { localAddress: '127.0.0.5' })];
    await Promise.all(open.map((o) => o.opened));
    const fourth = raw(url, { localAddress: '127.0.0.5' });
    expect(await fourth.closed).toBe(CLOSE_CODES.tooMany);
    const other = raw(url, { localAddress: '127.0.0.6' });
    await other.opened;
    for (const o of [...open, other]) o.ws.close();
  });

  it('refuses a participant update under the facilitator’s client id, even with valid content', async () => {
    t = await startTestHost();
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    const anna = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
    const fac = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    await fac.whenSynced();
    addNote(fac.doc, 'från facilitatorn', { role: 'facilitator', anonymous: false });
    await sleep(200);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(fac.doc));
    forger.clientID = fac.doc.clientID;
    addNote(forger, 'i facilitatorns namn', { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
    const socket = raw(`${t.host.url.replace('http', 'ws')}/sync/${s.id}/board?token=${anna.token}`);
    await socket.opened;
    socket.ws.send(updateMessage(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(fac.doc))));
    expect(await socket.closed).toBe(CLOSE_CODES.forbidden);
    await sleep(200);
    expect(selectNotes(fac.doc).map((n) => n.text)).toEqual(['från facilitatorn']);
    fac.destroy();
  });
});

describe('a full disk (docs/SECURITY.md, "Never lose data")', () => {
  let t: TestHost;
  afterEach(async () => t?.dispose());

  it('refuses what it cannot store, relays none of it, keeps what was saved, and recovers', async () => {
    t = await startTestHost();
    const s = await t.api.createSession('Full disk');
    const writer = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    const observer = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);
    addNote(writer.doc, 'sparad före', { role: 'facilitator', anonymous: false });
    await waitFor(() => selectNotes(observer.doc).length === 1, 'the first note');
    // SQLite's own "database or disk is full": the file may not grow by a single page.
    const live = t.host.manager.open(s.id);
    const db = (live.store as unknown as { db: { pragma(q: string, o?: object): unknown } }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    for (let i = 0; i < 10; i++) addNote(writer.doc, `${'x'.repeat(1900)} ${i}`, { role: 'facilitator', anonymous: false });
    await waitFor(() => t.logs.some((l) => /commit failed/.test(l)), 'the failed commit in the log');
    expect(selectNotes(observer.doc).map((n) => n.text)).toEqual(['sparad före']);
    // The session reloads from its file; the writer still holds its notes and sends them again.
    await waitFor(() => selectNotes(observer.doc).length === 11, 'the notes after recovery', 15_000);
    writer.destroy();
    observer.destroy();
    await t.stop();
    const check = await startTestHost({ dataDir: t.dataDir });
    const reader = connectClient(check.host.url, s.id, 'board', check.host.facilitatorToken);
    await reader.whenSynced();
    expect(selectNotes(reader.doc).map((n) => n.text)).toContain('sparad före');
    expect(selectNotes(reader.doc)).toHaveLength(11);
    reader.destroy();
    await check.stop();
  });
});

describe('backups (docs/SECURITY.md, "Never lose data")', () => {
  let t: TestHost;
  afterEach(async () => t?.dispose());

  it('backs up at step changes and on close, restores one, and deletes them with the session', async () => {
    t = await startTestHost();
    const s = await t.api.createSession('Backup');
    const control = connectClient(t.host.url, s.id, 'control', t.host.facilitatorToken);
    const board = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), board.whenSynced()]);
    const first = addStep(control.doc, { type: 'note-board', title: 'Ett', minutes: 5 });
    addNote(board.doc, 'före steget', { role: 'facilitator', anonymous: false });
    await sleep(100);
    goToStep(control.doc, first.id);
    const list = async () => (await t.api.json<unknown[]>('GET', `/api/sessions/${s.id}/backups`)).map((b) => BackupSummarySchema.parse(b));
    await expect.poll(async () => (await list()).length, { timeout: 5000 }).toBe(1);
    const [atStep] = await list();
    expect(atStep?.reason).toBe('step');

    addNote(board.doc, 'efter steget', { role: 'facilitator', anonymous: false });
    addStep(control.doc, { type: 'info', title: 'Två', minutes: 5 });
    const share = await t.api.share(s.id);
    const late = await new ApiClient(t.host.url).join(share.joinCode, 'Sen', 'staff');
    const removed = await new ApiClient(t.host.url).join(share.joinCode, 'Bort', 'staff');
    await t.api.json('DELETE', `/api/sessions/${s.id}/participants/${removed.participantId}`);
    await sleep(200);
    // Devices that still hold newer edits would merge them back on reconnect (nothing is lost);
    // here nobody does, so the restored file is what everyone gets.
    control.destroy();
    board.destroy();
    await t.api.json('POST', `/api/sessions/${s.id}/backups/${atStep!.name}/restore`);
    const fresh = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken, new Y.Doc());
    const freshControl = connectClient(t.host.url, s.id, 'control', t.host.facilitatorToken, new Y.Doc());
    await Promise.all([fresh.whenSynced(), freshControl.whenSynced()]);
    expect(selectNotes(fresh.doc).map((n) => n.text)).toEqual(['före steget']);
    expect(selectAgenda(freshControl.doc).map((x) => x.title)).toEqual(['Ett']);
    expect((await list()).map((b) => b.reason)).toContain('before-restore');
    // People who joined, or were removed, after the backup keep that standing.
    expect((await new ApiClient(t.host.url, late.token).request('GET', '/api/me')).status).toBe(200);
    expect((await new ApiClient(t.host.url, removed.token).request('GET', '/api/me')).status).toBe(401);
    fresh.destroy();
    freshControl.destroy();

    await t.api.json('DELETE', `/api/sessions/${s.id}`);
    expect(existsSync(join(t.dataDir, 'backups', s.id))).toBe(false);
    expect(existsSync(s.file)).toBe(false);
  });
});

/**
 * Makes files truly unwritable, also for root (the tests run as root here, and root ignores a
 * file's mode bits): `chattr +i` sets the immutable flag, which the kernel enforces for everyone —
 * open(O_RDWR) fails with EPERM, exactly where a write-protected file fails for an ordinary user
 * with EACCES (SQLite then falls back to read-only without a word, which is what the host must
 * notice). As a non-root user the mode bits do the same. Returns an undo, or null when neither
 * works here (then the test is skipped: it could not fail).
 */
function makeReadOnly(paths: readonly string[]): (() => void) | null {
  const root = process.getuid?.() === 0;
  const undo = (): void => {
    for (const path of paths) {
      if (root) execFileSync('chattr', ['-i', path]);
      else chmodSync(path, 0o755);
    }
  };
  try {
    for (const path of paths) {
      if (root) execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
      else chmodSync(path, 0o555);
    }
  } catch {
    return null;
  }
  // Proof that a write now fails: open the first path for writing.
  try {
    closeSync(openSync(paths[0]!, 'r+'));
  } catch {
    return undo;
  }
  undo();
  return null;
}

describe('a read-only session file (docs/SECURITY.md, "Never lose data")', () => {
  let t: TestHost | undefined;
  let undo: (() => void) | null = null;
  afterEach(async () => {
    undo?.();
    undo = null;
    await t?.dispose();
    t = undefined;
  });

  it('is listed as read-only under its title, refused with a clear error, other sessions unaffected, nothing overwritten', async (ctx) => {
    t = await startTestHost();
    const locked = await t.api.createSession('Skrivskyddad');
    const healthy = await t.api.createSession('Frisk');
    const writer = connectClient(t.host.url, locked.id, 'board', t.host.facilitatorToken);
    await writer.whenSynced();
    addNote(writer.doc, 'sparad före', { role: 'facilitator', anonymous: false });
    await sleep(200);
    writer.destroy();
    const dataDir = t.dataDir;
    await t.stop();
    undo = makeReadOnly([locked.file]);
    if (!undo) return ctx.skip();
    const before = readFileSync(locked.file);

    t = await startTestHost({ dataDir });
    const list = (await t.api.json<{ id: string; title: string; status: string; file: string }[]>('GET', '/api/sessions'));
    expect(list.find((s) => s.id === locked.id)).toMatchObject({ title: 'Skrivskyddad', status: 'read-only', file: locked.file });
    expect(list.find((s) => s.id === healthy.id)?.status).toBe('ok');
    expect(t.logs.some((l) => l.includes(locked.file) && /read-only/.test(l))).toBe(true);

    // Opening it for the room: a clear error in the caller's language, naming the file.
    const res = await t.api.request('POST', `/api/sessions/${locked.id}/share`, { address: '127.0.0.1' }, { 'Accept-Language': 'sv' });
    expect(res.status).toBe(423);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.error).toBe('session-read-only');
    expect(body.message).toMatch(/skrivskyddad/);
    expect(body.details?.join(' ')).toContain(locked.file);
    const socket = connectClient(t.host.url, locked.id, 'board', t.host.facilitatorToken);
    await waitFor(() => socket.closeCodes.length > 0, 'the socket to the read-only session closed');
    expect(socket.closeCodes[0]).toBe(CLOSE_CODES.storageFailed);
    socket.destroy();

    // The other session opens, takes writes and keeps them.
    const other = connectClient(t.host.url, healthy.id, 'board', t.host.facilitatorToken);
    const watcher = connectClient(t.host.url, healthy.id, 'board', t.host.facilitatorToken);
    await Promise.all([other.whenSynced(), watcher.whenSynced()]);
    addNote(other.doc, 'frisk session', { role: 'facilitator', anonymous: false });
    await waitFor(() => selectNotes(watcher.doc).length === 1, 'the note in the healthy session');
    other.destroy();
    watcher.destroy();
    await t.stop();
    expect(readFileSync(locked.file).equals(before)).toBe(true);

    // Write access back: the session opens with what it held.
    undo();
    undo = null;
    t = await startTestHost({ dataDir });
    const reader = connectClient(t.host.url, locked.id, 'board', t.host.facilitatorToken);
    await reader.whenSynced();
    expect(selectNotes(reader.doc).map((n) => n.text)).toEqual(['sparad före']);
    reader.destroy();
  });

  it('a truncated session file is listed as damaged, naming it; the others open; nothing is overwritten', async () => {
    t = await startTestHost();
    const cut = await t.api.createSession('Avkortad');
    const healthy = await t.api.createSession('Frisk');
    const writer = connectClient(t.host.url, cut.id, 'board', t.host.facilitatorToken);
    await writer.whenSynced();
    for (let i = 0; i < 30; i++) addNote(writer.doc, `anteckning ${i} ${'x'.repeat(200)}`, { role: 'facilitator', anonymous: false });
    await sleep(300);
    writer.destroy();
    const dataDir = t.dataDir;
    await t.stop();
    expect(existsSync(`${cut.file}-wal`)).toBe(false);
    // A copy cut short (a full USB stick, an interrupted transfer): half the pages are gone.
    truncateSync(cut.file, Math.floor(readFileSync(cut.file).length / 2 / 4096) * 4096);
    const before = readFileSync(cut.file);
    t = await startTestHost({ dataDir });
    const list = await t.api.json<{ id: string; status: string }[]>('GET', '/api/sessions');
    expect(list.find((s) => s.id === cut.id)?.status).toBe('corrupt');
    expect(list.find((s) => s.id === healthy.id)?.status).toBe('ok');
    expect(t.logs.some((l) => l.includes(cut.file))).toBe(true);
    const res = await t.api.request('POST', `/api/sessions/${cut.id}/share`, { address: '127.0.0.1' });
    expect(ErrorBodySchema.parse(await res.json()).error).toBe('session-corrupt');
    const other = connectClient(t.host.url, healthy.id, 'board', t.host.facilitatorToken);
    await other.whenSynced();
    other.destroy();
    await t.stop();
    expect(readFileSync(cut.file).equals(before)).toBe(true);
  });

  it('a read-only sessions folder: the host names the folder and refuses to start, writing nothing', async (ctx) => {
    t = await startTestHost();
    const kept = await t.api.createSession('I en skrivskyddad mapp');
    const dataDir = t.dataDir;
    await t.stop();
    const folder = join(dataDir, 'sessions');
    undo = makeReadOnly([folder]);
    if (!undo) return ctx.skip();
    const before = readFileSync(kept.file);
    // Every session lives in this folder, with its WAL companions and backups next to it: none
    // could keep what the room writes, so the host says so at once instead of failing mid-workshop.
    await expect(startTestHost({ dataDir })).rejects.toThrow(folder);
    expect(readFileSync(kept.file).equals(before)).toBe(true);
  });

  it('made read-only while open: the write is refused (4500), nothing relayed, the host and other sessions keep going', async (ctx) => {
    t = await startTestHost();
    const host = t;
    const locked = await host.api.createSession('Blir skrivskyddad');
    const healthy = await host.api.createSession('Frisk');
    const writer = connectClient(host.host.url, locked.id, 'board', host.host.facilitatorToken);
    const observer = connectClient(host.host.url, locked.id, 'board', host.host.facilitatorToken);
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);
    addNote(writer.doc, 'sparad före', { role: 'facilitator', anonymous: false });
    await waitFor(() => selectNotes(observer.doc).length === 1, 'the first note');
    // In WAL mode new writes go to the -wal file: that is the one that must refuse them.
    undo = makeReadOnly([`${locked.file}-wal`, locked.file]);
    if (!undo) return ctx.skip();
    const fresh = connectClient(host.host.url, locked.id, 'board', host.host.facilitatorToken);
    await fresh.whenSynced();
    addNote(fresh.doc, 'kan inte sparas', { role: 'facilitator', anonymous: false });
    await waitFor(() => fresh.closeCodes.includes(CLOSE_CODES.storageFailed), '4500 to the writer');
    await sleep(300);
    expect(selectNotes(observer.doc).map((n) => n.text)).toEqual(['sparad före']);

    const other = connectClient(host.host.url, healthy.id, 'board', host.host.facilitatorToken);
    const watcher = connectClient(host.host.url, healthy.id, 'board', host.host.facilitatorToken);
    await Promise.all([other.whenSynced(), watcher.whenSynced()]);
    addNote(other.doc, 'frisk session', { role: 'facilitator', anonymous: false });
    await waitFor(() => selectNotes(watcher.doc).length === 1, 'the healthy session still takes notes');
    expect((await fetch(`${host.host.url}/api/health`)).status).toBe(200);

    // Writable again: the writer's device still holds its note and sends it; it arrives.
    undo();
    undo = null;
    await waitFor(() => selectNotes(observer.doc).some((n) => n.text === 'kan inte sparas'), 'the note after recovery', 15_000);
    for (const c of [writer, observer, fresh, other, watcher]) c.destroy();
  });
});
