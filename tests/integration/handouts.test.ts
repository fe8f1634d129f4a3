import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { packOfKind } from '../../src/core/instruments/content-pack';
import type { ContentPack } from '../../src/core/instruments/content-pack';
import { clothConfigFromPack } from '../../src/core/instruments/dialogue-cloth';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import { selectSevenResult } from '../../src/core/instruments/seven-questions-results';
import type { SevenQuestionsResult } from '../../src/core/instruments/seven-questions-results';
import { addStep } from '../../src/core/workshop/agenda';
import type { Step } from '../../src/core/workshop/agenda';
import { selectNotes } from '../../src/core/workshop/board';
import type { Note } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import type { PaperAnswersResponse } from '../../src/contracts/paper-answers';
import { ApiClient } from '../helpers/api-client';
import { readPdf } from '../helpers/document-reading';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

const SWEDISH = /[åäöÅÄÖ]/;

describe('printable handouts and paper answers (issue #6)', () => {
  let t: TestHost;
  let session: SessionSummary;
  let control: YClient;
  let board: YClient;
  let vault: YClient;
  const clients: YClient[] = [];
  const connect = (doc: 'control' | 'board' | 'vault', token: string): YClient => {
    const c = connectClient(t.host.url, session.id, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  const pack = async <K extends ContentPack['kind']>(id: string, kind: K) => packOfKind(await t.api.json<ContentPack>('GET', `/api/content-packs/${id}`), kind)!;
  const pdf = async (path: string, api: ApiClient = t.api) => {
    const res = await api.request('GET', path);
    expect(res.status, await res.clone().text().then((s) => s.slice(0, 200))).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const addSteps = async () => {
    const cloths = await pack('dialogue-cloths', 'dialogue-cloths');
    const reflections = await pack('reflections', 'reflections');
    const cloth = addStep(control.doc, { type: 'dialogue-cloth', title: 'Dialogduk: kontakt', minutes: 20, config: clothConfigFromPack(cloths, 'patientkontrakt-i-praktiken', 'sv')! });
    const seven = addStep(control.doc, {
      type: 'seven-questions',
      title: 'Sju frågor',
      minutes: 10,
      config: { overrides: { q3: { patient: 'Är det lätt för dig att nå mottagningen på Åsa vårdcentral?' } } },
    });
    const reflection = addStep(control.doc, {
      type: 'reflection',
      title: 'Reflektion efter mötet',
      minutes: 10,
      config: reflectionConfigFromPack(reflections, ['s1', 's3'], 'du', 'sv', true)!,
    });
    const plain = addStep(control.doc, { type: 'note-board', title: 'Fritt', minutes: 5 });
    return { cloth, seven, reflection, plain };
  };

  beforeEach(async () => {
    t = await startTestHost();
    session = await t.api.createSession('Handouts');
    control = connect('control', t.host.facilitatorToken);
    board = connect('board', t.host.facilitatorToken);
    vault = connect('vault', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), board.whenSynced(), vault.whenSynced()]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  it('prints a step\'s dialogue cloth on one A3 landscape page: the theme, every question, the source, DejaVu embedded', async () => {
    const { cloth } = await addSteps();
    await waitFor(() => control.provider.synced, 'synced');
    await new Promise((r) => setTimeout(r, 100));
    const { res, bytes } = await pdf(`/api/sessions/${session.id}/handouts/${cloth.id}?lang=sv`);
    expect(res.headers.get('content-disposition')).toContain('dialogduk-patientkontrakt-i-praktiken.pdf');
    const doc = await readPdf(bytes);
    expect(doc.pages).toBe(1);
    expect(doc.sizes[0]).toEqual([1191, 842]);
    expect(doc.text).toContain('Patientkontrakt i praktiken');
    for (const q of (cloth.config as { questions: { text: string }[] }).questions) expect(doc.text.replace(/\s/g, '')).toContain(q.text.slice(0, 30).replace(/\s/g, ''));
    expect(doc.text).toContain('Källa: SKR, Ett steg till, 2022');
    expect(doc.text).toContain('Grupp/bord:');
    expect(doc.text).toMatch(SWEDISH);
    expect(doc.info.Title).toBe('Dialogduk: Patientkontrakt i praktiken');
    expect(doc.info.Language).toBe('sv-SE');
    expect(doc.embeddedFonts.some((f) => f.endsWith('+DejaVuSans'))).toBe(true);
    // Tagged: the theme is the page's heading; boxes and lines are artifacts, not content.
    expect(doc.structRoles.get('H1')).toBe(1);
    expect(doc.structRoles.get('P')).toBeGreaterThanOrEqual(8);
  });

  it('prints the seven questions as two A4 forms, patient and staff, in the step\'s wording, with the source on every page', async () => {
    const { seven } = await addSteps();
    await new Promise((r) => setTimeout(r, 150));
    const doc = await readPdf((await pdf(`/api/sessions/${session.id}/handouts/${seven.id}?lang=sv`)).bytes);
    expect(doc.sizes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(doc.text).toContain('Till dig som är patient eller närstående');
    expect(doc.text).toContain('Till dig som arbetar i vården');
    expect(doc.text).toContain('Åsa vårdcentral');
    expect(doc.text).toContain('Vet ni om era patienter');
    for (const label of ['Ja', 'Delvis', 'Nej', 'Vet inte']) expect(doc.text).toContain(label);
    doc.pageTexts.forEach((page, i) => {
      expect(page).toContain('Källa: SKR, Ett steg till, 2022');
      expect(page).toContain(`sida ${i + 1} av ${doc.pages}`);
    });
    const patientPages = doc.pageTexts.filter((p) => p.includes('patient eller närstående')).length;
    expect(patientPages).toBeGreaterThan(0);
    expect(doc.outline).toContain('Till dig som arbetar i vården');

    const en = await readPdf((await pdf(`/api/sessions/${session.id}/handouts/${seven.id}?lang=en`)).bytes);
    expect(en.text).toContain('For you who work in health care');
    expect(en.text).toContain("Don't know");
    expect(en.info.Language).toBe('en-GB');
  });

  it('prints reflection prompts with their section headings and lines to write on', async () => {
    const { reflection } = await addSteps();
    await new Promise((r) => setTimeout(r, 150));
    const doc = await readPdf((await pdf(`/api/sessions/${session.id}/handouts/${reflection.id}`)).bytes);
    expect(doc.text).toContain('Reflektion efter mötet');
    expect(doc.text).toContain('Vilka vägledande principer har du i ditt arbete?');
    expect(doc.text).toContain('Det är i mötet mellan människor det händer');
    expect(doc.text).toContain('Källa: SKR, Ett steg till, 2022');
  });

  it('prints a pack without a session: every cloth on its own page', async () => {
    const doc = await readPdf((await pdf('/api/handouts/dialogue-cloths?lang=en')).bytes);
    const cloths = await pack('dialogue-cloths', 'dialogue-cloths');
    expect(doc.pages).toBe(cloths.content.cloths.length);
    cloths.content.cloths.forEach((c, i) => expect(doc.pageTexts[i]).toContain(c.theme.en));
    const ni = await readPdf((await pdf('/api/handouts/reflections?lang=sv&form=ni')).bytes);
    expect(ni.text).toContain('Vilka vägledande principer har ni i ert arbete?');
  });

  it('refuses what has no handout, wrong languages, participants and strangers', async () => {
    const { plain, cloth } = await addSteps();
    await new Promise((r) => setTimeout(r, 150));
    expect((await t.api.request('GET', `/api/sessions/${session.id}/handouts/${plain.id}`)).status).toBe(404);
    expect((await t.api.request('GET', `/api/sessions/${session.id}/handouts/nope`)).status).toBe(404);
    expect((await t.api.request('GET', `/api/sessions/${session.id}/handouts/${cloth.id}?lang=fr`)).status).toBe(400);
    expect((await t.api.request('GET', '/api/handouts/complexity')).status).toBe(404);
    expect((await t.api.request('GET', '/api/handouts/reflections?form=vi')).status).toBe(400);
    const { joinCode } = await t.api.share(session.id);
    const anna = await new ApiClient(t.host.url).join(joinCode, 'Anna', 'patient');
    expect((await new ApiClient(t.host.url, anna.token).request('GET', `/api/sessions/${session.id}/handouts/${cloth.id}`)).status).toBe(403);
    expect((await new ApiClient(t.host.url).request('GET', '/api/handouts/dialogue-cloths')).status).toBe(401);
  });

  describe('paper answers typed back in', () => {
    let steps: { seven: Step; reflection: Step };
    let joinCode: string;
    const join = (name: string, role: 'patient' | 'staff'): Promise<JoinResponse> => new ApiClient(t.host.url).join(joinCode, name, role);
    const paper = (body: unknown, api: ApiClient = t.api) => api.request('POST', `/api/sessions/${session.id}/paper-answers`, body);

    beforeEach(async () => {
      steps = await addSteps();
      joinCode = (await t.api.share(session.id)).joinCode;
      await new Promise((r) => setTimeout(r, 150));
    });

    it('counts paper forms with the phones\' answers when the results are published, and takes none after', async () => {
      goToStep(control.doc, steps.seven.id);
      await new Promise((r) => setTimeout(r, 150));
      const anna = await join('Anna', 'patient');
      const answer = await new ApiClient(t.host.url, anna.token).request('POST', `/api/sessions/${session.id}/answers`, { stepId: steps.seven.id, answers: { q1: 'ja', q2: 'nej' } });
      expect(answer.status).toBe(200);
      for (const answers of [{ q1: 'nej', q2: 'nej' }, { q1: 'ja', q2: 'delvis', q3: 'vet-inte' }]) {
        const res = await paper({ kind: 'seven-questions', stepId: steps.seven.id, side: 'patient', answers });
        expect(res.status).toBe(201);
      }
      const last = (await (await paper({ kind: 'seven-questions', stepId: steps.seven.id, side: 'staff', answers: { q1: 'ja' } })).json()) as PaperAnswersResponse;
      expect(last).toEqual({ stepId: steps.seven.id, kind: 'seven-questions', stored: 1, paperRespondents: 3 });
      // The vault marks paper forms by their key and carries no participant id.
      await waitFor(() => vault.doc.getMap('sevenAnswers').size === 4, 'four forms in the vault');
      expect([...vault.doc.getMap('sevenAnswers').keys()].filter((k) => k.includes('|paper-'))).toHaveLength(3);
      expect(JSON.stringify(vault.doc.getMap('sevenAnswers').toJSON())).not.toContain(anna.participantId);

      const result = await t.api.json<SevenQuestionsResult>('POST', `/api/sessions/${session.id}/steps/${steps.seven.id}/results`);
      expect(result.sides.patient.respondents).toBe(3);
      expect(result.sides.patient.questions.q1).toEqual({ ja: 2, delvis: 0, nej: 1, 'vet-inte': 0 });
      expect(result.sides.staff.questions.q1).toBeNull();
      await waitFor(() => selectSevenResult(control.doc, steps.seven.id) !== undefined, 'published');
      expect((await paper({ kind: 'seven-questions', stepId: steps.seven.id, side: 'patient', answers: { q1: 'ja' } })).status).toBe(409);
    });

    it('refuses answers to questions the step does not ask, to a step of another kind, and from participants', async () => {
      const sevenOnlyTwo = addStep(control.doc, { type: 'seven-questions', title: 'Två frågor', minutes: 5, config: { questionIds: ['q1', 'q2'] } });
      await new Promise((r) => setTimeout(r, 150));
      const stray = await paper({ kind: 'seven-questions', stepId: sevenOnlyTwo.id, side: 'staff', answers: { q5: 'ja' } });
      expect(stray.status).toBe(400);
      expect((await paper({ kind: 'seven-questions', stepId: steps.reflection.id, side: 'staff', answers: { q1: 'ja' } })).status).toBe(404);
      expect((await paper({ kind: 'seven-questions', stepId: sevenOnlyTwo.id, side: 'staff', answers: {} })).status).toBe(400);
      expect((await paper({ kind: 'reflection', stepId: steps.reflection.id, role: 'patient', answers: { 'no-such': 'Text' } })).status).toBe(400);
      expect((await paper({ kind: 'reflection', stepId: steps.reflection.id, role: 'patient', answers: { 's1-principer': '   ' } })).status).toBe(400);
      const bo = await join('Bo', 'staff');
      expect((await paper({ kind: 'seven-questions', stepId: sevenOnlyTwo.id, side: 'staff', answers: { q1: 'ja' } }, new ApiClient(t.host.url, bo.token))).status).toBe(403);
      expect(vault.doc.getMap('sevenAnswers').size).toBe(0);
    });

    it('writes a paper reflection sheet as anonymous notes that wait for the reveal like everyone else\'s', async () => {
      const res = await paper({ kind: 'reflection', stepId: steps.reflection.id, role: 'relative', answers: { 's1-principer': 'Att lyssna först – även på närstående.', 's1-paverkansdiagram': '' } });
      expect(res.status).toBe(201);
      expect(((await res.json()) as PaperAnswersResponse).stored).toBe(1);
      await new Promise((r) => setTimeout(r, 150));
      expect(selectNotes(board.doc).filter((n) => n.stepId === steps.reflection.id)).toHaveLength(0);
      expect((await t.api.request('POST', `/api/sessions/${session.id}/steps/${steps.reflection.id}/reveal`)).status).toBe(200);
      await waitFor(() => selectNotes(board.doc).some((n) => n.stepId === steps.reflection.id), 'revealed');
      const [note] = selectNotes(board.doc).filter((n) => n.stepId === steps.reflection.id) as Note[];
      expect(note).toMatchObject({ text: 'Att lyssna först – även på närstående.', authorRole: 'relative', anonymous: true, onBehalf: true, questionId: 's1-principer' });
      expect(note?.authorName).toBeUndefined();
      expect(note?.authorId).toBeUndefined();
      // After the reveal a paper sheet goes straight onto the board.
      await paper({ kind: 'reflection', stepId: steps.reflection.id, role: 'staff', answers: { 's3-motesplatser': 'Mer tid i mötet.' } });
      await waitFor(() => selectNotes(board.doc).some((n) => n.text === 'Mer tid i mötet.'), 'straight onto the board');
    });
  });
});
