import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addStep, selectAgenda } from '../../src/core/workshop/agenda';
import { goToStep, isRevealed, setLocked } from '../../src/core/workshop/run-state';
import { setGroups } from '../../src/core/workshop/groups';
import { castVote, tallyVotes, voteKey } from '../../src/core/workshop/votes';
import { selectAnswered, selectHiddenIds, selectHiddenNotes } from '../../src/core/workshop/moderation';
import { CLOSE_CODES } from '../../src/contracts/sync';
import { ErrorBodySchema } from '../../src/contracts/http';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function rawSocket(url: string): { ws: WebSocket; closed: Promise<{ code: number }> } {
  const ws = new WebSocket(url);
  return { ws, closed: new Promise((resolve) => ws.on('close', (code) => resolve({ code }))) };
}

const VOTING = { votesPerPerson: 2, allowStacking: false, sourceStepId: null };

describe('the host enforces what run mode offers (issue #3)', () => {
  let t: TestHost;
  let session: SessionSummary;
  let anna: JoinResponse;
  let bo: JoinResponse;
  let control: YClient;
  let facBoard: YClient;
  const clients: YClient[] = [];
  const connect = (doc: 'control' | 'board' | 'vault', token: string, ydoc?: Y.Doc): YClient => {
    const c = connectClient(t.host.url, session.id, doc, token, ydoc);
    clients.push(c);
    return c;
  };
  const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });

  beforeEach(async () => {
    t = await startTestHost();
    session = await t.api.createSession('Regler');
    const share = await t.api.share(session.id);
    anna = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
    bo = await new ApiClient(t.host.url).join(share.joinCode, 'Bo', 'staff');
    control = connect('control', t.host.facilitatorToken);
    facBoard = connect('board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  async function participantBoard(p: JoinResponse): Promise<YClient> {
    const c = connect('board', p.token);
    await c.whenSynced();
    const ctrl = connect('control', p.token, new Y.Doc());
    await ctrl.whenSynced();
    return c;
  }

  it('takes notes in a note step and records who answered, never what', async () => {
    const step = addStep(control.doc, { type: 'note-board', title: 'Vad är viktigt för dig?', minutes: 10 });
    goToStep(control.doc, step.id);
    const a = await participantBoard(anna);
    await waitFor(() => a.provider.synced, 'sync');
    await sleep(100);
    addNote(a.doc, 'Att bli lyssnad på', author(anna), Date.now(), { stepId: step.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 1, 'the note');
    await waitFor(() => selectAnswered(control.doc, step.id).length === 1, 'answered');
    expect(selectAnswered(control.doc, step.id)).toEqual([anna.participantId]);
    expect(a.closeCodes).toEqual([]);
  });

  it('refuses a note in another name, in a step that is not running, or while input is locked', async () => {
    const step = addStep(control.doc, { type: 'note-board', title: 'Fråga', minutes: 10 });
    goToStep(control.doc, step.id);
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['in another name', (doc) => addNote(doc, 'x', author(bo), Date.now(), { stepId: step.id })],
      ['as anonymous while named', (doc) => addNote(doc, 'x', { role: 'patient', anonymous: true }, Date.now(), { stepId: step.id })],
      // A named note carries the pseudonym; the participant id (shown in presence) is refused.
      ['with the participant id as author id', (doc) => addNote(doc, 'x', { ...author(anna), pseudonym: anna.participantId }, Date.now(), { stepId: step.id })],
      ['in another step', (doc) => addNote(doc, 'x', author(anna), Date.now(), { stepId: 'otherstep' })],
      ['without a step', (doc) => addNote(doc, 'x', author(anna))],
      ['with another shape', (doc) => doc.getMap('notes').set('n1', { id: 'n1', text: 'x', evil: true })],
      ['in another map', (doc) => doc.getMap('run').set('currentStepId', null)],
      ['as a nested type', (doc) => doc.getMap('notes').set('n2', new Y.Map())],
    ];
    for (const [what, write] of cases) {
      const a = await participantBoard(anna);
      await sleep(50);
      write(a.doc);
      await waitFor(() => a.closeCodes.includes(CLOSE_CODES.forbidden), `4403 for a note ${what}`);
      a.destroy();
    }
    setLocked(control.doc, true);
    const a = await participantBoard(anna);
    await sleep(100);
    addNote(a.doc, 'låst', author(anna), Date.now(), { stepId: step.id });
    await waitFor(() => a.closeCodes.includes(CLOSE_CODES.forbidden), '4403 while locked');
    await sleep(200);
    expect(selectNotes(facBoard.doc)).toEqual([]);
  });

  it('refuses deleting or overwriting someone else’s note, and writing as their client id', async () => {
    const step = addStep(control.doc, { type: 'note-board', title: 'Fråga', minutes: 10 });
    goToStep(control.doc, step.id);
    const a = await participantBoard(anna);
    await sleep(100);
    const note = addNote(a.doc, 'Annas tanke', author(anna), Date.now(), { stepId: step.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 1, 'Anna’s note');

    const b = await participantBoard(bo);
    await waitFor(() => selectNotes(b.doc).length === 1, 'Bo sees it');
    b.doc.getMap('notes').delete(note.id);
    await waitFor(() => b.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for deleting Anna’s note');

    // A modified client: Bo's token, Anna's client id, an update crafted by hand and sent raw.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(a.doc));
    forger.clientID = a.doc.clientID; // after loading, so Yjs does not pick a fresh id
    forger.getMap('notes').set('zz', { ...note, id: 'zz', text: 'förfalskad', authorId: bo.pseudonym, authorName: 'Bo', authorRole: 'staff' });
    const forged = Y.encodeStateAsUpdate(forger, Y.encodeStateVector(a.doc));
    const { ws, closed } = rawSocket(`${t.host.url.replace('http', 'ws')}/sync/${session.id}/board?token=${bo.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(syncUpdateMessage(forged));
    expect((await closed).code).toBe(CLOSE_CODES.forbidden);
    await sleep(200);
    expect(selectNotes(facBoard.doc).map((n) => n.text)).toEqual(['Annas tanke']);

    // Anna may edit and delete her own note, also from a new page load (another client id).
    const again = await participantBoard(anna);
    again.doc.getMap('notes').delete(note.id);
    await waitFor(() => selectNotes(facBoard.doc).length === 0, 'Anna deleting her own note');
    expect(again.closeCodes).toEqual([]);
  });

  it('counts votes within the limit and refuses a modified client that votes twice or more than allowed', async () => {
    const notes = addStep(control.doc, { type: 'note-board', title: 'Idéer', minutes: 10 });
    goToStep(control.doc, notes.id);
    const n1 = addNote(facBoard.doc, 'Idé 1', { role: 'facilitator', anonymous: false });
    const n2 = addNote(facBoard.doc, 'Idé 2', { role: 'facilitator', anonymous: false });
    const vote = addStep(control.doc, { type: 'dot-voting', title: 'Rösta', minutes: 5, config: VOTING });
    goToStep(control.doc, vote.id);
    const a = await participantBoard(anna);
    await waitFor(() => selectNotes(a.doc).length === 2, 'notes at Anna');
    expect(castVote(a.doc, vote.id, anna.pseudonym, n1.id, VOTING)).toBeNull();
    expect(castVote(a.doc, vote.id, anna.pseudonym, n2.id, VOTING)).toBeNull();
    await waitFor(() => tallyVotes(facBoard.doc, vote.id, VOTING).length === 2, 'two votes');
    await waitFor(() => selectAnswered(control.doc, vote.id).includes(anna.participantId), 'Anna answered');

    const attacks: [string, (doc: Y.Doc) => void][] = [
      ['a third slot', (doc) => doc.getMap('votes').set(voteKey(vote.id, anna.pseudonym, 2), n1.id)],
      ['twice on one note', (doc) => doc.getMap('votes').set(voteKey(vote.id, anna.pseudonym, 1), n1.id)],
      ['in Bo’s slot', (doc) => doc.getMap('votes').set(voteKey(vote.id, bo.pseudonym, 0), n1.id)],
      // The key form from before pseudonyms: a participant id in the key is nobody's slot any more.
      ['under her participant id', (doc) => doc.getMap('votes').set(voteKey(vote.id, anna.participantId, 0), n1.id)],
      ['in another step', (doc) => doc.getMap('votes').set(voteKey(notes.id, anna.pseudonym, 0), n1.id)],
      ['for a note that does not exist', (doc) => doc.getMap('votes').set(voteKey(vote.id, anna.pseudonym, 0), 'nothing')],
    ];
    for (const [what, attack] of attacks) {
      const c = await participantBoard(anna);
      await sleep(50);
      attack(c.doc);
      await waitFor(() => c.closeCodes.includes(CLOSE_CODES.forbidden), `4403 for a vote ${what}`);
      c.destroy();
    }
    await sleep(200);
    expect(tallyVotes(facBoard.doc, vote.id, VOTING).map((r) => r.votes)).toEqual([1, 1]);
  });

  it('keeps silent-writing notes from everyone until revealed, and refuses them on the board', async () => {
    const step = addStep(control.doc, { type: 'silent-writing', title: 'Skriv tyst', minutes: 5 });
    goToStep(control.doc, step.id);
    const b = await participantBoard(bo);
    await sleep(100);
    const annaApi = new ApiClient(t.host.url, anna.token);
    const posted = await annaApi.json<{ id: string }>('POST', `/api/sessions/${session.id}/private-notes`, { stepId: step.id, text: 'Min tysta tanke' }, 201);
    await waitFor(() => selectAnswered(control.doc, step.id).length === 1, 'answered');
    await sleep(200);
    expect(selectNotes(b.doc)).toEqual([]);
    // A participant cannot read the vault where it waits.
    const peek = connect('vault', anna.token);
    await waitFor(() => peek.closeCodes.includes(CLOSE_CODES.forbidden), 'vault refused');
    // Writing it on the board directly is refused.
    addNote(b.doc, 'smyger', author(bo), Date.now(), { stepId: step.id });
    await waitFor(() => b.closeCodes.includes(CLOSE_CODES.forbidden), 'board refused in silent writing');

    const reveal = await t.api.json<{ revealed: number }>('POST', `/api/sessions/${session.id}/steps/${step.id}/reveal`);
    expect(reveal.revealed).toBe(1);
    await waitFor(() => selectNotes(facBoard.doc).some((n) => n.id === posted.id), 'revealed on the board');
    expect(isRevealed(control.doc, step.id)).toBe(true);
    const late = await annaApi.request('POST', `/api/sessions/${session.id}/private-notes`, { stepId: step.id, text: 'för sent' });
    expect(late.status).toBe(409);
    expect(ErrorBodySchema.parse(await late.json()).error).toBe('step-closed');
  });

  it('hides a note so that no participant client receives it any more, and restores it', async () => {
    const step = addStep(control.doc, { type: 'note-board', title: 'Fråga', minutes: 10 });
    goToStep(control.doc, step.id);
    const a = await participantBoard(anna);
    await sleep(100);
    const note = addNote(a.doc, 'Något känsligt', author(anna), Date.now(), { stepId: step.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 1, 'the note');
    await t.api.json('POST', `/api/sessions/${session.id}/notes/${note.id}/hide`);
    await waitFor(() => selectNotes(facBoard.doc).length === 0, 'hidden');
    const vault = connect('vault', t.host.facilitatorToken);
    await vault.whenSynced();
    expect(selectHiddenNotes(vault.doc).map((n) => n.text)).toEqual(['Något känsligt']);
    expect(selectHiddenIds(control.doc).has(note.id)).toBe(true);
    // A fresh client (no earlier copy) gets nothing of the hidden text.
    const fresh = await participantBoard(bo);
    expect(JSON.stringify(fresh.doc.getMap('notes').toJSON())).not.toContain('känsligt');
    const state = Y.encodeStateAsUpdate(fresh.doc);
    expect(Buffer.from(state).toString('utf8')).not.toContain('känsligt');

    await t.api.json('POST', `/api/sessions/${session.id}/notes/${note.id}/restore`);
    await waitFor(() => selectNotes(fresh.doc).some((n) => n.text === 'Något känsligt'), 'restored');
    expect(selectHiddenIds(control.doc).has(note.id)).toBe(false);
  });

  it('takes notes in a group step only in the writer’s own group', async () => {
    const step = addStep(control.doc, { type: 'note-board', title: 'I grupp', minutes: 10, groupMode: 'groups' });
    setGroups(control.doc, [[{ id: anna.participantId, role: 'patient' }], [{ id: bo.participantId, role: 'staff' }]], (i) => `Bord ${i + 1}`);
    goToStep(control.doc, step.id);
    const groups = [...control.doc.getMap<{ id: string; memberIds: string[] }>('groups').values()];
    const annas = groups.find((g) => g.memberIds.includes(anna.participantId))!;
    const bos = groups.find((g) => g.memberIds.includes(bo.participantId))!;
    const a = await participantBoard(anna);
    await sleep(100);
    addNote(a.doc, 'vid mitt bord', author(anna), Date.now(), { stepId: step.id, groupId: annas.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 1, 'own group note');
    addNote(a.doc, 'vid fel bord', author(anna), Date.now(), { stepId: step.id, groupId: bos.id });
    await waitFor(() => a.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for another group');
  });

  it('refuses a participant moving the agenda', async () => {
    const step = addStep(control.doc, { type: 'info', title: 'Välkommen', minutes: 5 });
    const c = connect('control', anna.token);
    await c.whenSynced();
    goToStep(c.doc, step.id);
    await waitFor(() => c.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for moving the step');
    expect(selectAgenda(control.doc)).toHaveLength(1);
  });
});

describe('templates', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(async () => t.dispose());

  it('ships at least three templates in Swedish and in English, and starts a session from one', async () => {
    const list = await t.api.json<{ id: string; lang: string; minutes: number; builtIn: boolean }[]>('GET', '/api/templates');
    expect(list.filter((x) => x.lang === 'sv' && x.builtIn).length).toBeGreaterThanOrEqual(3);
    expect(list.filter((x) => x.lang === 'en' && x.builtIn).length).toBeGreaterThanOrEqual(3);
    const twoHours = list.find((x) => x.id === 'co-design-2h-sv');
    expect(twoHours?.minutes).toBe(120);
    const s = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Från mall', template: 'co-design-2h-sv' }, 201);
    const c = connectClient(t.host.url, s.id, 'control', t.host.facilitatorToken);
    await c.whenSynced();
    expect(selectAgenda(c.doc).map((step) => step.type)).toContain('dot-voting');
    c.destroy();
  });

  it('exports, imports and saves templates, and names what is wrong in a bad file', async () => {
    const exported = await t.api.json<Record<string, unknown>>('GET', '/api/templates/follow-up-60-en');
    const imported = await t.api.json<{ id: string; builtIn: boolean }>('POST', '/api/templates', JSON.stringify({ ...exported, id: 'our-follow-up', title: 'Vår uppföljning' }), 201);
    expect(imported).toMatchObject({ id: 'our-follow-up', builtIn: false });
    const broken = { ...exported, steps: [{ type: 'note-board', title: '', minutes: -5 }, { type: 'teleport', title: 'x', minutes: 1 }] };
    const res = await t.api.request('POST', '/api/templates', JSON.stringify(broken));
    expect(res.status).toBe(400);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.error).toBe('invalid-template');
    expect(body.details?.join('\n')).toMatch(/steps\.0\.title/);
    expect(body.details?.join('\n')).toMatch(/steps\.0\.minutes/);
    for (const text of ['not json', '{"format":"other"}', JSON.stringify({ ...exported, version: 9 })]) {
      const r = await t.api.request('POST', '/api/templates', text);
      expect(r.status).toBe(400);
      expect(ErrorBodySchema.parse(await r.json()).details?.length).toBeGreaterThan(0);
    }
    const s = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Spara', template: 'reflection-meeting-45-sv' }, 201);
    const saved = await t.api.json<{ id: string; stepCount: number }>('POST', `/api/sessions/${s.id}/save-as-template`, { title: 'Min reflektion', lang: 'sv' }, 201);
    expect(saved.stepCount).toBe(5);
    await t.api.json('DELETE', `/api/templates/${saved.id}`);
    expect((await t.api.request('DELETE', '/api/templates/co-design-2h-sv')).status).toBe(403);
  });
});
