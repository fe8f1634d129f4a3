import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SessionExportSchema } from '../../src/contracts/exports';
import type { ExportCheck, SessionExport } from '../../src/contracts/exports';
import type { JoinResponse, ParticipantSummary, SessionSummary } from '../../src/contracts/http';
import type { Improvement } from '../../src/core/improvement/model';
import { selectAgenda } from '../../src/core/workshop/agenda';
import type { Step } from '../../src/core/workshop/agenda';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addCluster, placeNote } from '../../src/core/workshop/clusters';
import { goToStep } from '../../src/core/workshop/run-state';
import { castVote } from '../../src/core/workshop/votes';
import { addStep } from '../../src/core/workshop/agenda';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

/**
 * Exports and imports of a real workshop (issue #6): a host, the co-design template, four people on
 * stock y-websocket clients (one anonymous) writing notes — with quotes, semicolons, new lines,
 * formula-like starts and personal data — voting, grouping, answering the seven questions and a
 * reflection; a hidden note; an improvement with data points. Then every format this module owns
 * is read back: Markdown, CSV (through papaparse), the JSON export (schema, import, export again),
 * archives (export, import, and refusal of bad files), and anonymity in each.
 */
const TRICKY = 'Semikolon; "citat" och\nny rad, komma';
const FORMULA = '=HYPERLINK("http://example.invalid","klicka")';
const PERSONAL = 'Ring mig på 070-123 45 67 eller skriv till anna.oberg@example.se, pnr 811218-9876';

describe('session exports and imports', () => {
  let t: TestHost;
  let session: SessionSummary;
  let people: Record<'anna' | 'bo' | 'secret' | 'cecilia', JoinResponse>;
  let participantIds: string[];
  let improvement: Improvement;
  const clients: YClient[] = [];
  const connect = (sessionId: string, doc: 'control' | 'board' | 'vault', token: string): YClient => {
    const c = connectClient(t.host.url, sessionId, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });
  const get = async (path: string, headers: Record<string, string> = {}) => t.api.request('GET', path, undefined, headers);
  const text = async (path: string): Promise<string> => {
    const res = await get(path);
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    t = await startTestHost();
    session = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Trygg vård på Älvängens vårdcentral', template: 'co-design-2h-sv' }, 201);
    const { joinCode } = await t.api.share(session.id);
    const join = (name: string | undefined, role: JoinResponse['role'], anonymous = false) => new ApiClient(t.host.url).join(joinCode, name, role, anonymous);
    people = {
      anna: await join('Anna Öberg', 'patient'),
      bo: await join('Bo Ek', 'staff'),
      secret: await join('Hemlig Hälsa', 'patient', true),
      cecilia: await join('Cécile Åström', 'relative'),
    };
    const control = connect(session.id, 'control', t.host.facilitatorToken);
    const facBoard = connect(session.id, 'board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
    const seven = addStep(control.doc, { type: 'seven-questions', title: 'De sju frågorna', minutes: 10 });
    const agenda = selectAgenda(control.doc);
    const step = (title: string): Step => agenda.find((s) => s.title === title)!;
    const boards = Object.fromEntries(
      await Promise.all(
        Object.entries(people).map(async ([key, p]) => {
          const board = connect(session.id, 'board', p.token);
          const ctrl = connect(session.id, 'control', p.token);
          await Promise.all([board.whenSynced(), ctrl.whenSynced()]);
          return [key, board] as const;
        }),
      ),
    ) as Record<keyof typeof people, YClient>;
    await sleep(100);

    const important = step('Vad är viktigt för dig?');
    goToStep(control.doc, important.id);
    await sleep(100);
    const write = (who: keyof typeof people, body: string) => addNote(boards[who].doc, body, author(people[who]), Date.now(), { stepId: important.id });
    const a1 = write('anna', 'Att få träffa samma läkare – kontinuitet är trygghet.');
    write('bo', TRICKY);
    const s1 = write('secret', 'Min hemliga önskan: kortare väntetid i telefonkön.');
    write('cecilia', FORMULA);
    write('cecilia', '-3 dagar väntan är för länge');
    write('anna', PERSONAL);
    const hidden = write('bo', 'Detta dolda: Karin på avd 3 gjorde fel, karin.x@example.se');
    await waitFor(() => selectNotes(facBoard.doc).length === 7, 'seven notes on the board');
    await t.api.json('POST', `/api/sessions/${session.id}/notes/${hidden!.id}/hide`);
    await waitFor(() => selectNotes(facBoard.doc).length === 6, 'the hidden note gone from the board');

    const grouping = step('Vi sorterar det vi skrivit');
    goToStep(control.doc, grouping.id);
    const cluster = addCluster(control.doc, grouping.id, 'Kontinuitet');
    placeNote(control.doc, grouping.id, a1!.id, cluster.id);

    const voting = step('Vad är viktigast?');
    goToStep(control.doc, voting.id);
    await sleep(100);
    const config = { votesPerPerson: 3, allowStacking: false, sourceStepId: null };
    for (const who of ['anna', 'bo', 'secret'] as const) castVote(boards[who].doc, voting.id, people[who].pseudonym, s1!.id, config);
    castVote(boards.bo.doc, voting.id, people.bo.pseudonym, a1!.id, config);
    await waitFor(() => facBoard.doc.getMap('votes').size === 4, 'four votes');

    goToStep(control.doc, seven.id);
    await sleep(150);
    const answer = (p: JoinResponse, answers: Record<string, string>) => new ApiClient(t.host.url, p.token).json('POST', `/api/sessions/${session.id}/answers`, { stepId: seven.id, answers });
    const yes = { q1: 'ja', q2: 'ja', q3: 'ja', q4: 'ja', q5: 'ja', q6: 'ja', q7: 'ja' };
    await answer(people.anna, { ...yes, q1: 'nej' });
    await answer(people.secret, { ...yes, q1: 'delvis' });
    await answer(people.cecilia, yes);
    await answer(people.bo, yes);
    for (let i = 0; i < 2; i += 1) await t.api.json('POST', `/api/sessions/${session.id}/paper-answers`, { kind: 'seven-questions', stepId: seven.id, side: 'staff', answers: yes }, 201);
    await t.api.json('POST', `/api/sessions/${session.id}/steps/${seven.id}/results`);

    // An improvement started in the workshop, with a measure and decimal data points.
    const created = await t.api.json<Improvement>('POST', '/api/improvements', { title: 'Kortare väntetid i telefonkön', aim: 'Hälften så lång väntetid före juni.', sessionId: session.id }, 201);
    const measure = { id: 'm1', name: 'Väntetid (min)', kind: 'outcome', definition: 'Median per vecka', unit: 'min', direction: 'down', baselinePoints: null, points: [] };
    const saved = await t.api.json<Improvement>('PUT', `/api/improvements/${created.id}`, { revision: created.revision, improvement: { ...created, measures: [measure] } });
    improvement = await t.api.json<Improvement>('POST', `/api/improvements/${saved.id}/measures/m1/points`, { points: [{ date: '2026-01-05', value: 12.5 }, { date: '2026-01-12', value: 11 }] });
    participantIds = (await t.api.json<ParticipantSummary[]>('GET', `/api/sessions/${session.id}/participants`)).map((p) => p.id);
    expect(participantIds).toHaveLength(4);
    await sleep(200);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  /** What must never be in an export: any participant id, the anonymous person's name, the hidden note. */
  const expectPrivate = (body: string) => {
    for (const id of participantIds) expect(body).not.toContain(id);
    expect(body).not.toContain('Hemlig Hälsa');
    expect(body).not.toContain('Karin på avd 3');
  };

  it('writes the Markdown report with notes as grouped, votes ranked and the seven questions, Swedish letters intact', async () => {
    const res = await get(`/api/sessions/${session.id}/export?format=md&lang=sv`);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="Trygg vard pa Alvangens vardcentral \d{4}-\d\d-\d\d\.md"; filename\*=UTF-8''Trygg%20v%C3%A5rd%20p%C3%A5%20%C3%84lv%C3%A4ngens%20v%C3%A5rdcentral%20\d{4}-\d\d-\d\d\.md$/);
    const md = await res.text();
    expect(md).toContain('# Trygg vård på Älvängens vårdcentral');
    expect(md).toContain('## Deltagare');
    expect(md).toContain('| Patient | 2 |');
    expect(md).toContain('Anna Öberg (patient)');
    expect(md).toContain('### Kontinuitet (1)');
    expect(md).toMatch(/\| 1 \| 3 \| Min hemliga önskan: kortare väntetid i telefonkön\. \|/);
    expect(md).toContain('Semikolon; "citat" och / ny rad, komma');
    expect(md).toContain('## Steg 10: De sju frågorna');
    expect(md).toContain('| 1. Leva livet | 33 % | 100 % | +67 |');
    expect(md).toContain('| 1. Leva livet | Patienter | 1 | 1 | 1 | 0 |');
    expect(md).toContain('Källa: SKR');
    expect(md).toContain('Kortare väntetid i telefonkön');
    expectPrivate(md);
    const en = await text(`/api/sessions/${session.id}/export?format=md&lang=en`);
    expect(en).toContain('## Participants');
    expect(en).toContain('Workshop record');
  });

  it('writes CSV that opens in Swedish Excel: BOM, semicolons, decimal commas, formulas defused, round-trips through papaparse', async () => {
    const res = await get(`/api/sessions/${session.id}/export?format=csv&kind=notes`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain("anteckningar.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Steg nr', 'Steg', 'Typ', 'Bord', 'Fråga eller rubrik', 'Text', 'Roll', 'Namn', 'Röster', 'Skriven', 'Från papper']);
    const byText = (value: string) => rows.find((r) => r[5] === value);
    expect(byText(TRICKY)).toBeDefined();
    expect(byText(`'${FORMULA}`)).toBeDefined();
    expect(byText("'-3 dagar väntan är för länge")).toBeDefined();
    expect(byText('Min hemliga önskan: kortare väntetid i telefonkön.')?.slice(6, 9)).toEqual(['Patient', '', '3']);
    expect(byText('Att få träffa samma läkare – kontinuitet är trygghet.')?.slice(4, 9)).toEqual(['Kontinuitet', 'Att få träffa samma läkare – kontinuitet är trygghet.', 'Patient', 'Anna Öberg', '1']);
    expect(rows).toHaveLength(6);
    expectPrivate(csv);

    const points = await text(`/api/sessions/${session.id}/export?format=csv&kind=datapoints`);
    const pointRows = Papa.parse<string[]>(points.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(pointRows[1]).toEqual(['Kortare väntetid i telefonkön', 'Väntetid (min)', 'Resultatmått', 'min', '2026-01-05', '12,5', '']);
    const comma = await text(`/api/sessions/${session.id}/export?format=csv&kind=datapoints&separator=comma&lang=en`);
    expect(Papa.parse<string[]>(comma.slice(1), { delimiter: ',', skipEmptyLines: true }).data[1]).toEqual(['Kortare väntetid i telefonkön', 'Väntetid (min)', 'Outcome measure', 'min', '2026-01-05', '12.5', '']);

    const votes = Papa.parse<string[]>((await text(`/api/sessions/${session.id}/export?format=csv&kind=votes`)).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(votes.slice(1).map((r) => [r[2], r[3], r[4]])).toEqual([
      ['1', '3', 'Min hemliga önskan: kortare väntetid i telefonkön.'],
      ['2', '1', 'Att få träffa samma läkare – kontinuitet är trygghet.'],
    ]);
    const answers = Papa.parse<string[]>((await text(`/api/sessions/${session.id}/export?format=csv&kind=answers`)).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(answers).toHaveLength(1 + 7 * 2);
    // q1, patient side (Anna, the anonymous patient, Cécile as närstående): ja, delvis, nej; 33 % ja.
    expect(answers[1]?.slice(4, 11)).toEqual(['Patienter', '1', '1', '1', '0', '33', '67']);
    // q1, staff: Bo and two paper forms, all ja; the gap is 100 − 33⅓ ≈ 67 points.
    expect(answers[2]?.slice(4, 11)).toEqual(['Personal', '3', '0', '0', '0', '100', '67']);
    // q2 on the staff side: 3 answers; nothing under the threshold in this workshop, so no empty cells.
    expect(answers.slice(1).every((r) => r[5] !== '')).toBe(true);
    for (const kind of ['votes', 'answers', 'datapoints']) expectPrivate(await text(`/api/sessions/${session.id}/export?format=csv&kind=${kind}`));
  });

  it('flags personal data before export and masks it with scrub=mask', async () => {
    const check = await t.api.json<ExportCheck>('GET', `/api/sessions/${session.id}/export/check?lang=sv`);
    // The hidden note's address counts too: the JSON export keeps hidden notes.
    expect(check.counts).toEqual({ personnummer: 1, phone: 1, email: 2 });
    expect(check.findings.map((f) => f.excerpt).join(' ')).not.toContain('karin.x@example.se');
    const json = await text(`/api/sessions/${session.id}/export?format=json&scrub=mask`);
    expect(json).not.toContain('karin.x@example.se');
    expect(json).toContain('Detta dolda: Karin på avd 3 gjorde fel, [e-postadress borttagen]');
    expect(check.findings.map((f) => f.excerpt).join(' ')).not.toContain('811218-9876');
    const md = await text(`/api/sessions/${session.id}/export?format=md&scrub=mask`);
    expect(md).toContain('Ring mig på \\[telefonnummer borttaget\\] eller skriv till \\[e-postadress borttagen\\], pnr \\[personnummer borttaget\\]');
    const csv = await text(`/api/sessions/${session.id}/export?format=csv&scrub=mask`);
    for (const secret of ['070-123 45 67', 'anna.oberg@example.se', '811218-9876']) {
      expect(md).not.toContain(secret);
      expect(csv).not.toContain(secret);
    }
    const unmasked = await text(`/api/sessions/${session.id}/export?format=md`);
    expect(unmasked).toContain('811218-9876');
  });

  it('exports JSON that imports into a new session with nothing lost: export → import → export differs only in the session id, the export time and the improvement’s new link', async () => {
    const first = SessionExportSchema.parse(JSON.parse(await text(`/api/sessions/${session.id}/export?format=json`)) as unknown);
    expect(first.participants.map((p) => [p.ref, p.role, p.name ?? null, p.anonymous])).toEqual([
      ['p1', 'patient', 'Anna Öberg', false],
      ['p2', 'staff', 'Bo Ek', false],
      ['p3', 'patient', null, true],
      ['p4', 'relative', 'Cécile Åström', false],
    ]);
    expect(Object.keys(first.documents.board.maps.notes ?? {})).toHaveLength(6);
    expect(Object.keys(first.documents.vault.maps.hidden ?? {})).toHaveLength(1);
    expect(first.improvements.map((i) => i.id)).toEqual([improvement.id]);
    expectPrivate(JSON.stringify({ ...first, documents: { ...first.documents, vault: null } }));
    for (const id of participantIds) expect(JSON.stringify(first)).not.toContain(id);
    expect(JSON.stringify(first)).not.toContain('Hemlig Hälsa');

    const imported = await t.api.json<SessionSummary>('POST', '/api/sessions/import', JSON.stringify(first), 201);
    expect(imported.id).not.toBe(session.id);
    expect(imported.title).toBe('Trygg vård på Älvängens vårdcentral');
    const second = SessionExportSchema.parse(JSON.parse(await text(`/api/sessions/${imported.id}/export?format=json`)) as unknown);
    const comparable = (e: SessionExport) => ({
      ...e,
      session: { ...e.session, id: 'x' },
      exportedAt: 0,
      improvements: e.improvements.map((i) => ({ ...i, sessions: i.sessions.filter((s) => s.sessionId === session.id), revision: 0, updatedAt: 0 })),
    });
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.improvements[0]?.sessions.map((s) => s.sessionId)).toEqual([session.id, imported.id]);
    // And the imported session reads as a workshop: the report shows the same notes.
    const md = await text(`/api/sessions/${imported.id}/export?format=md`);
    expect(md).toContain('Min hemliga önskan: kortare väntetid i telefonkön.');
  });

  it('refuses a JSON file that is not an export, is too new or breaks the schema, with a clear message and no new session', async () => {
    const before = (await t.api.json<SessionSummary[]>('GET', '/api/sessions')).length;
    const post = (body: string, lang = 'sv') => t.api.request('POST', '/api/sessions/import', body, { 'Accept-Language': lang });
    const notJson = await post('{ inte json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid-session-export', message: 'Filen är inte en giltig Samskapa-export av en session. Inget har ändrats.' });
    const tooNew = await post(JSON.stringify({ format: 'samskapa-session', version: 2 }), 'en');
    expect(tooNew.status).toBe(422);
    expect(await tooNew.json()).toMatchObject({ error: 'session-too-new' });
    const broken = await post(JSON.stringify({ format: 'samskapa-session', version: 1, documents: {} }));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { details: string[] }).details.length).toBeGreaterThan(0);
    // A file whose notes break the board's promises: an anonymous note with a name, a note without text.
    const good = JSON.parse(await text(`/api/sessions/${session.id}/export?format=json`)) as SessionExport;
    const notes: Record<string, unknown> = { ...good.documents.board.maps.notes };
    const [firstKey = ''] = Object.keys(notes);
    notes[firstKey] = { ...(notes[firstKey] as object), anonymous: true, authorName: 'Smugglad' };
    notes.extra = { id: 'extra', createdAt: 1, authorRole: 'patient', anonymous: false };
    const forged = await post(JSON.stringify({ ...good, documents: { ...good.documents, board: { ...good.documents.board, maps: { ...good.documents.board.maps, notes } } } }));
    expect(forged.status).toBe(400);
    const forgedBody = (await forged.json()) as { error: string; details: string[] };
    expect(forgedBody.error).toBe('invalid-session-export');
    expect(forgedBody.details.join(' / ')).toContain('an anonymous note carries a name or an author id');
    expect(forgedBody.details.join(' / ')).toContain('documents.board.maps.notes.extra.text');
    expect((await t.api.json<SessionSummary[]>('GET', '/api/sessions')).length).toBe(before);
  });

  it('exports the session as an archive and imports it as a new session; a corrupt, truncated, foreign or too-new file is refused and nothing changes', async () => {
    const res = await get(`/api/sessions/${session.id}/archive`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\.samskapa"; filename\*=/);
    const archive = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(archive.subarray(0, 15)).toString('latin1')).toBe('SQLite format 3');
    const dir = tempDir();
    try {
      const copy = join(dir.path, 'a.samskapa');
      writeFileSync(copy, archive);
      const db = new Database(copy, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM share').get()).toEqual({ n: 0 });
      db.close();
      expect(Buffer.from(archive).includes(Buffer.from('Hemlig Hälsa'))).toBe(false);

      const upload = (bytes: Uint8Array, lang = 'sv') =>
        fetch(`${t.host.url}/api/sessions/import-archive`, { method: 'POST', body: bytes, headers: { Authorization: `Bearer ${t.host.facilitatorToken}`, 'Content-Type': 'application/octet-stream', 'Accept-Language': lang } });
      const sessionsBefore = await t.api.json<SessionSummary[]>('GET', '/api/sessions');
      const fileBefore = readFileSync(join(t.dataDir, 'sessions', `${session.id}.samskapa`));

      const foreignPath = join(dir.path, 'foreign.sqlite');
      const foreign = new Database(foreignPath);
      foreign.exec('CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES (\'kanelbulle\');');
      foreign.close();
      const tooNewPath = join(dir.path, 'new.samskapa');
      writeFileSync(tooNewPath, archive);
      const tooNewDb = new Database(tooNewPath);
      tooNewDb.pragma('user_version = 999');
      tooNewDb.close();
      const corrupt = new Uint8Array(archive);
      corrupt.fill(0x5a, 4096, Math.min(corrupt.length, 4096 * 3));
      const cases: [string, Uint8Array, number, string][] = [
        ['random bytes', new Uint8Array(4096).fill(7), 422, 'invalid-archive'],
        ['truncated', archive.subarray(0, Math.floor(archive.length / 2)), 422, 'invalid-archive'],
        ['corrupt pages', corrupt, 422, 'invalid-archive'],
        ['foreign SQLite', new Uint8Array(readFileSync(foreignPath)), 422, 'invalid-archive'],
        ['too new', new Uint8Array(readFileSync(tooNewPath)), 422, 'session-too-new'],
      ];
      for (const [label, bytes, status, code] of cases) {
        const refused = await upload(bytes);
        expect(refused.status, label).toBe(status);
        const body = (await refused.json()) as { error: string; message: string };
        expect(body.error, label).toBe(code);
        expect(body.message.length, label).toBeGreaterThan(20);
      }
      const en = await upload(new Uint8Array(4096).fill(7), 'en');
      expect(((await en.json()) as { message: string }).message).toBe('The file is not a Samskapa archive, or it is damaged or cut short. Nothing was changed.');
      expect(await t.api.json<SessionSummary[]>('GET', '/api/sessions')).toEqual(sessionsBefore);
      expect(readFileSync(join(t.dataDir, 'sessions', `${session.id}.samskapa`)).equals(fileBefore)).toBe(true);

      const ok = await upload(archive);
      expect(ok.status).toBe(201);
      const imported = (await ok.json()) as SessionSummary;
      expect(imported.id).not.toBe(session.id);
      expect(imported.title).toBe(session.title);
      const original = SessionExportSchema.parse(JSON.parse(await text(`/api/sessions/${session.id}/export?format=json`)) as unknown);
      const copyExport = SessionExportSchema.parse(JSON.parse(await text(`/api/sessions/${imported.id}/export?format=json`)) as unknown);
      expect(copyExport.documents).toEqual(original.documents);
      expect(copyExport.participants).toEqual(original.participants);
    } finally {
      dir.remove();
    }
  });

  it('delivers Word and PDF from the same route', async () => {
    const docx = await get(`/api/sessions/${session.id}/export?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await get(`/api/sessions/${session.id}/export?format=pdf&lang=en`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a bad query, a participant and an unknown session', async () => {
    expect((await get(`/api/sessions/${session.id}/export?format=xls`)).status).toBe(400);
    expect((await get(`/api/sessions/${session.id}/export?format=csv&kind=everything`)).status).toBe(400);
    expect((await get('/api/sessions/aaaaaaaaaaaaaaaa/export?format=md')).status).toBe(404);
    const participant = new ApiClient(t.host.url, people.anna.token);
    expect((await participant.request('GET', `/api/sessions/${session.id}/export?format=json`)).status).toBe(403);
    expect((await participant.request('GET', `/api/sessions/${session.id}/archive`)).status).toBe(403);
  });

  it('deletes a session completely: its file, the WAL companions and its backups', async () => {
    const doomed = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Att ta bort', template: 'co-design-2h-sv' }, 201);
    const control = connect(doomed.id, 'control', t.host.facilitatorToken);
    await control.whenSynced();
    goToStep(control.doc, selectAgenda(control.doc)[1]!.id);
    await sleep(1500); // a step change makes a backup a second later
    const file = join(t.dataDir, 'sessions', `${doomed.id}.samskapa`);
    const backups = join(t.dataDir, 'backups', doomed.id);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(backups)).toBe(true);
    await t.api.json('DELETE', `/api/sessions/${doomed.id}`);
    for (const path of [file, `${file}-wal`, `${file}-shm`, backups]) expect(existsSync(path), path).toBe(false);
    expect((await get(`/api/sessions/${doomed.id}/export?format=json`)).status).toBe(404);
    expect(existsSync(join(t.dataDir, 'tmp')) ? readdirSync(join(t.dataDir, 'tmp')) : []).toEqual([]);
  });
});
