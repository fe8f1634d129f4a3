import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addStep } from '../../src/core/workshop/agenda';
import { goToStep, setLocked } from '../../src/core/workshop/run-state';
import { setGroups } from '../../src/core/workshop/groups';
import { selectAnswered } from '../../src/core/workshop/moderation';
import { packOfKind } from '../../src/core/instruments/content-pack';
import type { ContentPack, PackSummary } from '../../src/core/instruments/content-pack';
import { addGuldkorn, clothConfigFromPack, selectGuldkorn } from '../../src/core/instruments/dialogue-cloth';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import { gapRows, selectSevenResult, vaultAnswers } from '../../src/core/instruments/seven-questions-results';
import type { SevenQuestionsResult } from '../../src/core/instruments/seven-questions-results';
import { markKey, setMark, tallyMarks } from '../../src/core/instruments/marks';
import { markCell } from '../../src/core/instruments/partnership-matrix';
import { createPersonaCard, personaCell, personasConfigFromPack, putPersonaCard, selectPersonaCards } from '../../src/core/instruments/personas';
import { CLOSE_CODES } from '../../src/contracts/sync';
import { ErrorBodySchema } from '../../src/contracts/http';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import type { AnswersResponse, CompareMatricesResponse } from '../../src/contracts/instruments';
import type { ParticipantRole } from '../../src/core/roles';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

const ALL_JA = { q1: 'ja', q2: 'ja', q3: 'ja', q4: 'ja', q5: 'ja', q6: 'ja', q7: 'ja' } as const;

describe('the instruments in a live session (issue #4)', () => {
  let t: TestHost;
  let session: SessionSummary;
  let joinCode: string;
  let control: YClient;
  let facBoard: YClient;
  const clients: YClient[] = [];
  const connect = (doc: 'control' | 'board' | 'vault', token: string, sessionId = session.id): YClient => {
    const c = connectClient(t.host.url, sessionId, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  const join = (name: string | undefined, role: ParticipantRole, anonymous = false): Promise<JoinResponse> =>
    new ApiClient(t.host.url).join(joinCode, name, role, anonymous);
  const api = (p: JoinResponse): ApiClient => new ApiClient(t.host.url, p.token);
  const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });
  const pack = async <K extends ContentPack['kind']>(id: string, kind: K) => packOfKind(await t.api.json<ContentPack>('GET', `/api/content-packs/${id}`), kind)!;

  async function participantBoard(p: JoinResponse): Promise<YClient> {
    const board = connect('board', p.token);
    const ctrl = connect('control', p.token);
    await Promise.all([board.whenSynced(), ctrl.whenSynced()]);
    await sleep(50);
    return board;
  }

  beforeEach(async () => {
    t = await startTestHost();
    session = await t.api.createSession('Instrument');
    joinCode = (await t.api.share(session.id)).joinCode;
    control = connect('control', t.host.facilitatorToken);
    facBoard = connect('board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  it('serves the content packs to the facilitator and to participants, and nobody else', async () => {
    const list = await t.api.json<PackSummary[]>('GET', '/api/content-packs');
    expect(list.map((p) => p.id).sort()).toEqual(['complexity', 'dialogue-cloths', 'partnership-matrix', 'personas', 'reflections', 'seven-questions']);
    expect(list.every((p) => p.source.sv.startsWith('Källa:'))).toBe(true);
    const anna = await join('Anna', 'patient');
    const seven = await api(anna).json<ContentPack>('GET', '/api/content-packs/seven-questions');
    expect(seven.kind).toBe('seven-questions');
    expect((await new ApiClient(t.host.url).request('GET', '/api/content-packs')).status).toBe(401);
    expect((await t.api.request('GET', '/api/content-packs/horoscope')).status).toBe(404);
  });

  it('collects the seven questions anonymously, by role, and publishes counts without a breakdown for a small side', async () => {
    const step = addStep(control.doc, { type: 'seven-questions', title: '7 frågor', minutes: 10 });
    goToStep(control.doc, step.id);
    const people = await Promise.all([
      join('Anna', 'patient'),
      join(undefined, 'relative', true),
      join('Bo', 'staff'),
      join('Cecilia', 'staff'),
      join(undefined, 'staff', true),
      join('Dan', 'facilitator-assistant'),
      join('Eva', 'other'),
    ]);
    const [anna, relative, bo, cecilia, anonStaff, dan, eva] = people as [JoinResponse, JoinResponse, JoinResponse, JoinResponse, JoinResponse, JoinResponse, JoinResponse];
    const post = (p: JoinResponse, body: unknown) => api(p).request('POST', `/api/sessions/${session.id}/answers`, body);

    // The role decides the wording: a patient cannot count as staff, "other" must choose.
    expect((await post(anna, { stepId: step.id, side: 'staff', answers: ALL_JA })).status).toBe(400);
    expect((await post(eva, { stepId: step.id, answers: ALL_JA })).status).toBe(400);
    expect((await post(anna, { stepId: step.id, answers: { q9: 'ja' } })).status).toBe(400);
    expect((await post(anna, { stepId: step.id, answers: { q1: 'kanske' } })).status).toBe(400);

    expect((await post(anna, { stepId: step.id, answers: { ...ALL_JA, q5: 'nej' } })).status).toBe(200);
    expect((await post(relative, { stepId: step.id, answers: { q1: 'delvis', q5: 'vet-inte' } })).status).toBe(200);
    for (const p of [bo, cecilia, anonStaff, dan]) expect((await post(p, { stepId: step.id, answers: ALL_JA })).status).toBe(200);
    expect((await post(eva, { stepId: step.id, side: 'staff', answers: { ...ALL_JA, q5: 'delvis' } })).status).toBe(200);
    // Changing one's mind replaces the earlier answers.
    expect((await post(bo, { stepId: step.id, answers: { ...ALL_JA, q5: 'nej' } })).status).toBe(200);
    const mine = await api(bo).json<AnswersResponse>('GET', `/api/sessions/${session.id}/answers/${step.id}`);
    expect(mine).toEqual({ stepId: step.id, side: 'staff', answers: { ...ALL_JA, q5: 'nej' } });
    await waitFor(() => selectAnswered(control.doc, step.id).length === 7, 'everyone answered');

    // The vault holds the answers under keys that name nobody.
    const vault = connect('vault', t.host.facilitatorToken);
    await vault.whenSynced();
    expect(vaultAnswers(vault.doc).size).toBe(7);
    const stored = JSON.stringify(vault.doc.getMap('sevenAnswers').toJSON());
    for (const p of people) {
      expect(stored).not.toContain(p.participantId);
      if (p.name) expect(stored).not.toContain(p.name);
    }

    // A participant can neither read the answers nor write a result.
    const peek = connect('vault', anna.token);
    await waitFor(() => peek.closeCodes.includes(CLOSE_CODES.forbidden), '4403 on the vault');
    const forger = connect('control', bo.token);
    await forger.whenSynced();
    forger.doc.getMap('sevenResults').set(step.id, { forged: true });
    await waitFor(() => forger.closeCodes.includes(CLOSE_CODES.forbidden), '4403 on writing control');
    const boardForger = await participantBoard(bo);
    boardForger.doc.getMap('sevenResults').set(step.id, { forged: true });
    await waitFor(() => boardForger.closeCodes.includes(CLOSE_CODES.forbidden), '4403 on a result in the board');
    expect((await api(bo).request('POST', `/api/sessions/${session.id}/steps/${step.id}/results`)).status).toBe(403);
    expect(selectSevenResult(control.doc, step.id)).toBeUndefined();

    const result = await t.api.json<SevenQuestionsResult>('POST', `/api/sessions/${session.id}/steps/${step.id}/results`);
    expect(result.sides.patient.respondents).toBe(2);
    expect(Object.values(result.sides.patient.questions).every((c) => c === null)).toBe(true);
    expect(result.sides.patient.allJa).toBeNull();
    expect(result.sides.staff.respondents).toBe(5);
    expect(result.sides.staff.questions.q5).toEqual({ ja: 3, delvis: 1, nej: 1, 'vet-inte': 0 });
    expect(result.sides.staff.allJa).toBe(3);
    expect(gapRows(result).every((row) => row.gapPoints === null)).toBe(true);

    // Everyone sees the same aggregate in control; the answering is closed and the answers gone.
    const annaControl = connect('control', anna.token);
    await waitFor(() => selectSevenResult(annaControl.doc, step.id) !== undefined, 'the result at Anna');
    expect(selectSevenResult(annaControl.doc, step.id)).toEqual(result);
    const late = await post(cecilia, { stepId: step.id, answers: ALL_JA });
    expect(late.status).toBe(409);
    expect(ErrorBodySchema.parse(await late.json()).error).toBe('step-closed');
    await waitFor(() => vaultAnswers(vault.doc).size === 0, 'individual answers deleted');
    expect(await t.api.json('POST', `/api/sessions/${session.id}/steps/${step.id}/results`)).toEqual(result);
  });

  it('shows both sides and the gap once each side reaches the threshold', async () => {
    const step = addStep(control.doc, { type: 'seven-questions', title: '7 frågor', minutes: 10, config: { questionIds: ['q4', 'q5'], overrides: { q5: { staff: 'Vet våra patienter vad som händer sedan?' } } } });
    goToStep(control.doc, step.id);
    const answers: [ParticipantRole, 'ja' | 'nej' | 'vet-inte'][] = [['patient', 'nej'], ['patient-rep', 'ja'], ['relative', 'nej'], ['patient', 'vet-inte'], ['staff', 'ja'], ['staff', 'ja'], ['staff', 'nej']];
    for (const [role, answer] of answers) {
      const p = await join(undefined, role, true);
      expect((await api(p).request('POST', `/api/sessions/${session.id}/answers`, { stepId: step.id, answers: { q5: answer } })).status).toBe(200);
    }
    const result = await t.api.json<SevenQuestionsResult>('POST', `/api/sessions/${session.id}/steps/${step.id}/results`);
    expect(result.questionIds).toEqual(['q4', 'q5']);
    const q5 = gapRows(result).find((r) => r.questionId === 'q5')!;
    expect(q5.patient).toBeCloseTo(1 / 3);
    expect(q5.staff).toBeCloseTo(2 / 3);
    expect(q5.gapPoints).toBeCloseTo(33.33, 1);
    expect(result.sides.patient.questions.q4).toBeNull();
  });

  it('takes dialogue-cloth notes on a question of the cloth, in the writer’s own group, and shares guldkorn', async () => {
    const cloths = await pack('dialogue-cloths', 'dialogue-cloths');
    const config = clothConfigFromPack(cloths, 'patientkontrakt-i-praktiken', 'sv')!;
    const anna = await join('Anna', 'patient');
    const bo = await join('Bo', 'staff');
    setGroups(control.doc, [[{ id: anna.participantId, role: 'patient' }], [{ id: bo.participantId, role: 'staff' }]], (i) => `Bord ${i + 1}`);
    const step = addStep(control.doc, { type: 'dialogue-cloth', title: 'Dialogduk', minutes: 20, groupMode: 'groups', config });
    goToStep(control.doc, step.id);
    const groupOfAnna = [...control.doc.getMap<{ id: string; memberIds: string[] }>('groups').values()].find((g) => g.memberIds.includes(anna.participantId))!;

    const a = await participantBoard(anna);
    const note = addNote(a.doc, 'Vi saknar videosamtal', author(anna), Date.now(), { stepId: step.id, groupId: groupOfAnna.id, questionId: 'pk-kontakt' });
    await waitFor(() => selectNotes(facBoard.doc).some((n) => n.questionId === 'pk-kontakt'), 'the note on its question');
    addNote(a.doc, 'På temat i stort', author(anna), Date.now(), { stepId: step.id, groupId: groupOfAnna.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 2, 'a note on the theme');

    addNote(a.doc, 'Fel fråga', author(anna), Date.now(), { stepId: step.id, groupId: groupOfAnna.id, questionId: 'pd-ordning' });
    await waitFor(() => a.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for a question not on the cloth');

    const guldkorn = addGuldkorn(control.doc, { stepId: step.id, text: 'Videosamtal saknas', noteId: note.id, groupId: groupOfAnna.id, questionId: 'pk-kontakt' });
    expect(typeof guldkorn).toBe('object');
    const boControl = connect('control', bo.token);
    await waitFor(() => selectGuldkorn(boControl.doc, step.id).length === 1, 'the summary at Bo');

    // A note in an ordinary step may not claim a question.
    const plain = addStep(control.doc, { type: 'note-board', title: 'Fritt', minutes: 5 });
    goToStep(control.doc, plain.id);
    const b = await participantBoard(bo);
    addNote(b.doc, 'x', author(bo), Date.now(), { stepId: plain.id, questionId: 'pk-kontakt' });
    await waitFor(() => b.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for a question in a note-board step');
  });

  it('keeps reflection answers private until shared, anonymous when the facilitator chose so', async () => {
    const reflections = await pack('reflections', 'reflections');
    const config = reflectionConfigFromPack(reflections, ['s3'], 'du', 'sv', true)!;
    const step = addStep(control.doc, { type: 'reflection', title: 'Reflektera själv', minutes: 10, config });
    goToStep(control.doc, step.id);
    const anna = await join('Anna', 'patient');
    const bo = await join('Bo', 'staff');
    const b = await participantBoard(bo);
    const posted = await api(anna).json<{ id: string }>('POST', `/api/sessions/${session.id}/private-notes`, { stepId: step.id, questionId: 's3-antaganden', text: 'Att vi redan vet vad patienten vill' }, 201);
    const bad = await api(anna).request('POST', `/api/sessions/${session.id}/private-notes`, { stepId: step.id, questionId: 's1-principer', text: 'x' });
    expect(bad.status).toBe(400);
    await waitFor(() => selectAnswered(control.doc, step.id).includes(anna.participantId), 'answered');
    await sleep(150);
    expect(selectNotes(b.doc)).toEqual([]);
    addNote(b.doc, 'direkt på tavlan', author(bo), Date.now(), { stepId: step.id, questionId: 's3-antaganden' });
    await waitFor(() => b.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for a reflection on the board');

    const vault = connect('vault', t.host.facilitatorToken);
    await vault.whenSynced();
    expect(JSON.stringify(vault.doc.getMap('pending').toJSON())).not.toContain('Anna');

    await t.api.json('POST', `/api/sessions/${session.id}/steps/${step.id}/reveal`);
    await waitFor(() => selectNotes(facBoard.doc).some((n) => n.id === posted.id), 'shared');
    const shared = selectNotes(facBoard.doc).find((n) => n.id === posted.id)!;
    expect(shared).toMatchObject({ questionId: 's3-antaganden', anonymous: true, authorRole: 'patient', stepId: step.id });
    expect(shared.authorName).toBeUndefined();
    expect(shared.authorId).toBeUndefined();
  });

  it('takes partnership-matrix marks as the writer’s own, and compares two dates of the same team', async () => {
    const anna = await join('Anna', 'patient');
    const bo = await join('Bo', 'staff');
    const step = addStep(control.doc, { type: 'partnership-matrix', title: 'Var är patienterna med?', minutes: 20 });
    goToStep(control.doc, step.id);
    const a = await participantBoard(anna);
    const mark = (doc: Y.Doc, pseudonym: string, cell: string) => setMark(doc, { stepId: step.id, groupId: null, pseudonym, cell }, true);
    mark(a.doc, anna.pseudonym, markCell('today', 'direct-care', 'evaluate'));
    mark(a.doc, anna.pseudonym, markCell('next', 'clinic', 'initiate'));
    await waitFor(() => tallyMarks(facBoard.doc, step.id).get(null)?.size === 2, 'two marks');
    addNote(a.doc, 'Patientråd en gång per termin', author(anna), Date.now(), { stepId: step.id, questionId: 'clinic:evaluate' });
    addNote(a.doc, 'Ingen ersättning för resor', author(anna), Date.now(), { stepId: step.id, questionId: 'parity:compensation' });
    await waitFor(() => selectNotes(facBoard.doc).length === 2, 'an activity and a parity reflection');

    const attacks: [string, (doc: Y.Doc) => void][] = [
      ['in Bo’s name', (doc) => mark(doc, bo.pseudonym, markCell('today', 'clinic', 'plan'))],
      ['in a cell that does not exist', (doc) => mark(doc, anna.pseudonym, 'today:ward:plan')],
      ['with a value', (doc) => doc.getMap('marks').set(markKey({ stepId: step.id, groupId: null, pseudonym: anna.pseudonym, cell: markCell('today', 'clinic', 'plan') }), 7)],
      ['in a group while the step runs as a room', (doc) => setMark(doc, { stepId: step.id, groupId: 'g1', pseudonym: anna.pseudonym, cell: markCell('today', 'clinic', 'plan') }, true)],
      ['in another root', (doc) => doc.getMap('matrix').set('x', true)],
    ];
    for (const [what, attack] of attacks) {
      const c = await participantBoard(anna);
      attack(c.doc);
      await waitFor(() => c.closeCodes.includes(CLOSE_CODES.forbidden), `4403 for a mark ${what}`);
      c.destroy();
    }
    setLocked(control.doc, true);
    const locked = await participantBoard(anna);
    mark(locked.doc, anna.pseudonym, markCell('today', 'region', 'plan'));
    await waitFor(() => locked.closeCodes.includes(CLOSE_CODES.forbidden), '4403 while locked');

    // Autumn: the same team, a new session.
    const autumn = await t.api.createSession('Höst');
    const autumnControl = connect('control', t.host.facilitatorToken, autumn.id);
    const autumnBoard = connect('board', t.host.facilitatorToken, autumn.id);
    await Promise.all([autumnControl.whenSynced(), autumnBoard.whenSynced()]);
    const later = addStep(autumnControl.doc, { type: 'partnership-matrix', title: 'Igen', minutes: 20 });
    setMark(autumnBoard.doc, { stepId: later.id, groupId: null, pseudonym: 'facilitator', cell: markCell('today', 'direct-care', 'evaluate') }, true);
    setMark(autumnBoard.doc, { stepId: later.id, groupId: null, pseudonym: 'facilitator', cell: markCell('today', 'clinic', 'initiate') }, true);
    await sleep(200);
    const compared = await t.api.json<CompareMatricesResponse>('POST', '/api/partnership-matrix/compare', {
      from: { sessionId: session.id, stepId: step.id },
      to: { sessionId: autumn.id, stepId: later.id },
    });
    expect(compared.from).toEqual({ today: ['direct-care:evaluate'], next: ['clinic:initiate'] });
    expect(compared.changes).toEqual([
      { cell: 'clinic:initiate', layer: 'today', change: 'added' },
      { cell: 'clinic:initiate', layer: 'next', change: 'removed' },
    ]);
    expect(compared.span.to.today).toEqual({ places: 2, phases: 2 });
    expect((await api(anna).request('POST', '/api/partnership-matrix/compare', { from: { sessionId: session.id, stepId: step.id }, to: { sessionId: session.id, stepId: step.id } })).status).toBe(403);
  });

  it('takes a group’s persona cards and persona × channel marks, and refuses a card in another’s name', async () => {
    const personas = await pack('personas', 'personas');
    const anna = await join('Anna', 'patient');
    const bo = await join('Bo', 'staff');
    const step = addStep(control.doc, { type: 'personas', title: 'Personas', minutes: 30, config: personasConfigFromPack(personas) });
    goToStep(control.doc, step.id);
    const a = await participantBoard(anna);
    const content = { label: 'Vår Karin', situation: 'Bor på landet, långt till vårdcentralen', whatMatters: 'Att slippa åka', needs: ['Videosamtal'], abilityAndWill: 'Vill vara med', resources: 'Grannar', expectations: 'Att bli ringd', channels: ['video', 'telefon'] };
    const card = createPersonaCard(content, author(anna), { stepId: step.id });
    putPersonaCard(a.doc, card);
    setMark(a.doc, { stepId: step.id, groupId: null, pseudonym: anna.pseudonym, cell: personaCell('margit', 'telefon') }, true);
    setMark(a.doc, { stepId: step.id, groupId: null, pseudonym: anna.pseudonym, cell: personaCell(card.id, 'video') }, true);
    await waitFor(() => selectPersonaCards(facBoard.doc, step.id).length === 1, 'the card');
    await waitFor(() => tallyMarks(facBoard.doc, step.id).get(null)?.size === 2, 'the marks');

    const b = await participantBoard(bo);
    putPersonaCard(b.doc, createPersonaCard(content, author(anna), { stepId: step.id }));
    await waitFor(() => b.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for a card in Anna’s name');
    const b2 = await participantBoard(bo);
    putPersonaCard(b2.doc, { ...card, label: 'Bos version' });
    await waitFor(() => b2.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for editing Anna’s card');
    const b3 = await participantBoard(bo);
    setMark(b3.doc, { stepId: step.id, groupId: null, pseudonym: bo.pseudonym, cell: personaCell('margit', 'brevduva') }, true);
    await waitFor(() => b3.closeCodes.includes(CLOSE_CODES.forbidden), '4403 for a channel not on the table');
    expect(selectPersonaCards(facBoard.doc, step.id).map((c) => c.label)).toEqual(['Vår Karin']);
  });
});

describe('content packs at start', () => {
  it('leaves a broken pack out, says why in the log, and serves the rest', async () => {
    const dir = tempDir();
    const resources = join(dir.path, 'resources');
    cpSync(resolve(import.meta.dirname, '../../resources'), resources, { recursive: true });
    writeFileSync(join(resources, 'content-packs', 'broken.json'), JSON.stringify({ format: 'samskapa-content-pack', version: 1, id: 'broken', kind: 'complexity' }));
    const t = await startTestHost({ resourcesDir: resources });
    try {
      const list = await t.api.json<PackSummary[]>('GET', '/api/content-packs');
      expect(list).toHaveLength(6);
      expect(t.logs.join('\n')).toMatch(/content pack broken\.json left out: .*title/);
    } finally {
      await t.dispose();
      dir.remove();
    }
  });
});
