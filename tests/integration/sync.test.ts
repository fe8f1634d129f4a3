import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { selectSessionInfo } from '../../src/core/workshop/session-info';
import { isPresenceUser } from '../../src/core/presence';
import type { PresenceUser } from '../../src/core/presence';
import { CLOSE_CODES } from '../../src/contracts/sync';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

function presenceUsers(client: YClient): PresenceUser[] {
  return [...client.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: unknown }).user)
    .filter(isPresenceUser);
}

/** Opens a raw socket and resolves with the close code the host ends it with. */
function rawSocket(url: string): { ws: WebSocket; closed: Promise<{ code: number; reason: string }> } {
  const ws = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, closed };
}

describe('sync over the y-websocket protocol', () => {
  let t: TestHost;
  let session: SessionSummary;
  let anna: JoinResponse;
  const clients: YClient[] = [];
  const connect = (...args: Parameters<typeof connectClient>): YClient => {
    const c = connectClient(...args);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    t = await startTestHost();
    session = await t.api.createSession('Sync');
    const share = await t.api.share(session.id);
    anna = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  it('syncs notes both ways between the facilitator and a participant, and the session facts', async () => {
    const fac = connect(t.host.url, session.id, 'board', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'board', anna.token);
    const control = connect(t.host.url, session.id, 'control', anna.token);
    await Promise.all([fac.whenSynced(), part.whenSynced(), control.whenSynced()]);
    expect(selectSessionInfo(control.doc)?.title).toBe('Sync');

    addNote(part.doc, 'Jag vill bli sedd som hel människa', { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
    await waitFor(() => selectNotes(fac.doc).length === 1, 'the facilitator to see the note');
    expect(selectNotes(fac.doc)[0]).toMatchObject({ text: 'Jag vill bli sedd som hel människa', authorName: 'Anna' });

    addNote(fac.doc, 'Tack! Vad betyder det för dig?', { role: 'facilitator', anonymous: false });
    await waitFor(() => selectNotes(part.doc).length === 2, 'the participant to see the reply');
  });

  it('shows who is present, with names and roles from the token, not from the client', async () => {
    const fac = connect(t.host.url, session.id, 'board', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'board', anna.token);
    // A modified client claims to be someone else.
    part.provider.awareness.setLocalStateField('user', { name: 'Doktor X', role: 'facilitator', participantId: 'zzz' });
    await Promise.all([fac.whenSynced(), part.whenSynced()]);
    await waitFor(() => presenceUsers(fac).some((u) => u.role === 'patient'), 'Anna in presence');
    expect(presenceUsers(fac)).toContainEqual({ name: 'Anna', role: 'patient', participantId: anna.participantId });
    expect(presenceUsers(fac).some((u) => u.name === 'Doktor X')).toBe(false);

    part.provider.disconnect();
    await waitFor(() => !presenceUsers(fac).some((u) => u.role === 'patient'), 'Anna to leave presence');
  });

  it('hides the name of an anonymous participant in presence, whatever the client claims', async () => {
    const share = await t.api.share(session.id);
    const anon = await new ApiClient(t.host.url).join(share.joinCode, 'Hemlig', 'relative', true);
    const fac = connect(t.host.url, session.id, 'board', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'board', anon.token);
    part.provider.awareness.setLocalStateField('user', { name: 'Hemlig', role: 'relative', participantId: anon.participantId });
    await Promise.all([fac.whenSynced(), part.whenSynced()]);
    await waitFor(() => presenceUsers(fac).some((u) => u.role === 'relative'), 'the anonymous participant');
    expect(presenceUsers(fac).find((u) => u.role === 'relative')).toEqual({ name: null, role: 'relative', participantId: anon.participantId });
  });

  it('refuses a participant write to control with 4403: not stored, not relayed', async () => {
    const fac = connect(t.host.url, session.id, 'control', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'control', anna.token);
    await Promise.all([fac.whenSynced(), part.whenSynced()]);
    part.doc.getMap('session').set('title', 'Kapat');
    await waitFor(() => part.closeCodes.includes(CLOSE_CODES.forbidden), 'the 4403 close');
    await sleep(200);
    expect(selectSessionInfo(fac.doc)?.title).toBe('Sync');
    part.destroy();
    await t.stop();
    const store = SqliteSessionStore.open(session.file);
    const doc = new Y.Doc();
    for (const u of store.loadDoc('control').updates) Y.applyUpdate(doc, u);
    store.close();
    expect(selectSessionInfo(doc)?.title).toBe('Sync');
  });

  it('lets the facilitator write control', async () => {
    const fac = connect(t.host.url, session.id, 'control', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'control', anna.token);
    await Promise.all([fac.whenSynced(), part.whenSynced()]);
    fac.doc.getMap('session').set('title', 'Ny titel');
    await waitFor(() => selectSessionInfo(part.doc)?.title === 'Ny titel', 'the new title');
  });

  it('refuses connections without a valid token (4401) and to another session (4403)', async () => {
    const base = `${t.host.url.replace('http', 'ws')}/sync/${session.id}/board`;
    expect((await rawSocket(base).closed).code).toBe(CLOSE_CODES.unauthorized);
    expect((await rawSocket(`${base}?token=p.${session.id}.forgedforgedforgedforged`).closed).code).toBe(CLOSE_CODES.unauthorized);
    const other = await t.api.createSession('Other');
    const cross = rawSocket(`${t.host.url.replace('http', 'ws')}/sync/${other.id}/board?token=${anna.token}`);
    expect((await cross.closed).code).toBe(CLOSE_CODES.forbidden);
    const unknownDoc = rawSocket(`${t.host.url.replace('http', 'ws')}/sync/${session.id}/secrets?token=${anna.token}`);
    expect((await unknownDoc.closed).code).toBe(CLOSE_CODES.notFound);
  });

  it('closes a malformed message with 4400 and keeps serving others', async () => {
    const fac = connect(t.host.url, session.id, 'board', t.host.facilitatorToken);
    await fac.whenSynced();
    const url = `${t.host.url.replace('http', 'ws')}/sync/${session.id}/board?token=${anna.token}`;
    const garbage = [
      Buffer.from([0xff, 0xff, 0xff]),
      Buffer.from([0, 2, 5, 1, 2]),
      (() => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, new Uint8Array([9, 9, 9, 9, 9, 9]));
        return Buffer.from(encoding.toUint8Array(e));
      })(),
    ];
    for (const bytes of garbage) {
      const { ws, closed } = rawSocket(url);
      await new Promise((resolve) => ws.on('open', resolve));
      ws.send(bytes);
      expect((await closed).code).toBe(CLOSE_CODES.badMessage);
    }
    const text = rawSocket(url);
    await new Promise((resolve) => text.ws.on('open', resolve));
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CLOSE_CODES.badMessage);

    const part = connect(t.host.url, session.id, 'board', anna.token);
    await part.whenSynced();
    addNote(part.doc, 'fortfarande här', { role: 'patient', anonymous: false, name: 'Anna', pseudonym: anna.pseudonym });
    await waitFor(() => selectNotes(fac.doc).length === 1, 'the note after the garbage');
  });

  it('disconnects participants with 4410 when the facilitator closes the session, and keeps the facilitator', async () => {
    const fac = connect(t.host.url, session.id, 'board', t.host.facilitatorToken);
    const part = connect(t.host.url, session.id, 'board', anna.token);
    await Promise.all([fac.whenSynced(), part.whenSynced()]);
    await t.api.json('POST', `/api/sessions/${session.id}/close`);
    await waitFor(() => part.closeCodes.includes(CLOSE_CODES.sessionClosed), 'the participant to be closed');
    expect(fac.closeCodes).toEqual([]);
    addNote(fac.doc, 'efter stängning', { role: 'facilitator', anonymous: false });
    await sleep(300);
    expect(selectNotes(part.doc)).toHaveLength(0);
  });
});

describe('reconnecting readers', () => {
  it('accepts a participant reconnecting to control with the whole delete set, and still refuses new writes', async () => {
    const t = await startTestHost();
    try {
      const s = await t.api.createSession('Återanslutning');
      const share = await t.api.share(s.id);
      const bo = await new ApiClient(t.host.url).join(share.joinCode, 'Bo', 'staff');
      // The facilitator's edits leave deletions in control (an overwritten title).
      const fac = connectClient(t.host.url, s.id, 'control', t.host.facilitatorToken);
      await fac.whenSynced();
      fac.doc.getMap('session').set('title', 'Första');
      fac.doc.getMap('session').set('title', 'Andra');
      const doc = new Y.Doc();
      const first = connectClient(t.host.url, s.id, 'control', bo.token, doc);
      await waitFor(() => selectSessionInfo(doc)?.title === 'Andra', 'the title');
      first.provider.destroy();
      // Same document, new connection: its step 2 carries the delete set the host already has.
      const second = connectClient(t.host.url, s.id, 'control', bo.token, doc);
      await second.whenSynced();
      await sleep(300);
      expect(second.closeCodes).toEqual([]);
      doc.getMap('session').set('title', 'Kapat');
      await waitFor(() => second.closeCodes.includes(CLOSE_CODES.forbidden), 'the 4403 for a real write');
      second.destroy();
      fac.destroy();
    } finally {
      await t.dispose();
    }
  });
});
