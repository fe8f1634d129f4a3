import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addStep } from '../../src/core/workshop/agenda';
import { goToStep } from '../../src/core/workshop/run-state';
import { castVote, retractVote, tallyVotes } from '../../src/core/workshop/votes';
import { setMark, tallyMarks } from '../../src/core/instruments/marks';
import { markCell } from '../../src/core/instruments/partnership-matrix';
import { packOfKind, type ContentPack } from '../../src/core/instruments/content-pack';
import { createPersonaCard, personaCell, personasConfigFromPack, putPersonaCard, selectPersonaCards } from '../../src/core/instruments/personas';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import type { JoinResponse, Me } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { tempDir } from '../helpers/temp-dir';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { connectClient, type YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

const ROOT = resolve(import.meta.dirname, '../..');

describe('no telemetry, no outbound connections (docs/SECURITY.md, "Privacy")', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('the host opens no connection and looks up no name while a workshop runs', async () => {
    const child = spawn(
      process.execPath,
      ['--import', resolve(ROOT, 'tests/fixtures/outbound-observer.mjs'), '--import', 'tsx', resolve(ROOT, 'src/host/cli.ts'), '--data', dir.path, '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const ready = await new Promise<{ url: string; facilitatorToken: string }>((done) =>
      createInterface({ input: child.stdout }).once('line', (line) => done(JSON.parse(line) as { url: string; facilitatorToken: string })),
    );
    try {
      const api = new ApiClient(ready.url, ready.facilitatorToken);
      const s = await api.json<{ id: string }>('POST', '/api/sessions', { title: 'Integritet', template: 'co-design-2h-sv' }, 201);
      const share = await api.share(s.id);
      const anna = await new ApiClient(ready.url).join(share.joinCode, 'Anna', 'patient');
      await api.json('GET', '/api/templates');
      await api.json('GET', '/api/network');
      const board = connectClient(ready.url, s.id, 'board', ready.facilitatorToken);
      const reader = connectClient(ready.url, s.id, 'board', anna.token);
      await Promise.all([board.whenSynced(), reader.whenSynced()]);
      addNote(board.doc, 'hej', { role: 'facilitator', anonymous: false });
      await waitFor(() => selectNotes(reader.doc).length === 1, 'the note');
      board.destroy();
      reader.destroy();
      await fetch(`${ready.url}/`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    const lines = stderr.join('').split('\n').filter((line) => line.startsWith('OUTBOUND'));
    const offMachine = lines.filter((line) => !/^OUTBOUND tcp (127\.\d+\.\d+\.\d+|localhost|::1):/.test(line));
    expect(offMachine).toEqual([]);
  });
});

describe('participant ids never reach the shared board (docs/SECURITY.md, "Pseudonyms")', () => {
  let t: TestHost | undefined;
  const clients: YClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t?.dispose();
  });

  it('a participant reading the whole board finds no participant id of anyone, named or anonymous, after notes, votes, marks, persona cards and shared reflections', async () => {
    t = await startTestHost();
    const host = t;
    const session = await host.api.createSession('Integritet');
    const { joinCode } = await host.api.share(session.id);
    const join = (name: string | undefined, role: JoinResponse['role'], anonymous = false) => new ApiClient(host.host.url).join(joinCode, name, role, anonymous);
    const people = [await join('Anna', 'patient'), await join('Bo', 'staff'), await join(undefined, 'relative', true), await join(undefined, 'patient', true)];
    const connect = (doc: 'control' | 'board', token: string): YClient => {
      const c = connectClient(host.host.url, session.id, doc, token);
      clients.push(c);
      return c;
    };
    const control = connect('control', host.host.facilitatorToken);
    const facBoard = connect('board', host.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
    const boards = people.map((p) => connect('board', p.token));
    await Promise.all(boards.map((b) => b.whenSynced()));
    const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });
    const packOf = async <K extends ContentPack['kind']>(id: string, kind: K) => packOfKind(await host.api.json<ContentPack>('GET', `/api/content-packs/${id}`), kind)!;

    // The device learns its pseudonym when joining and again from GET /api/me; it is not the id.
    for (const p of people) {
      expect(p.pseudonym).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(p.pseudonym).not.toBe(p.participantId);
      expect(await new ApiClient(host.host.url, p.token).json<Me>('GET', '/api/me')).toMatchObject({ participantId: p.participantId, pseudonym: p.pseudonym });
    }
    expect(new Set(people.map((p) => p.pseudonym)).size).toBe(people.length);

    // Notes, named and anonymous.
    const notes = addStep(control.doc, { type: 'note-board', title: 'Vad är viktigt?', minutes: 10 });
    goToStep(control.doc, notes.id);
    await sleep(100);
    people.forEach((p, i) => addNote(boards[i]!.doc, `tanke ${i}`, author(p), Date.now(), { stepId: notes.id }));
    await waitFor(() => selectNotes(facBoard.doc).length === people.length, 'every note');

    // Votes, one of them taken back (a map keeps the keys of what was taken back).
    const config = { votesPerPerson: 2, allowStacking: false, sourceStepId: notes.id };
    const voting = addStep(control.doc, { type: 'dot-voting', title: 'Rösta', minutes: 5, config });
    goToStep(control.doc, voting.id);
    await sleep(100);
    const noteIds = selectNotes(facBoard.doc).map((n) => n.id);
    people.forEach((p, i) => {
      expect(castVote(boards[i]!.doc, voting.id, p.pseudonym, noteIds[i]!, config)).toBeNull();
      expect(castVote(boards[i]!.doc, voting.id, p.pseudonym, noteIds[(i + 1) % noteIds.length]!, config)).toBeNull();
    });
    expect(retractVote(boards[2]!.doc, voting.id, people[2]!.pseudonym, noteIds[2]!, config)).toBe(true);
    await waitFor(() => tallyVotes(facBoard.doc, voting.id, config).reduce((sum, r) => sum + r.votes, 0) === 7, 'seven votes');

    // Partnership-matrix marks.
    const matrix = addStep(control.doc, { type: 'partnership-matrix', title: 'Var är patienterna med?', minutes: 10 });
    goToStep(control.doc, matrix.id);
    await sleep(100);
    people.forEach((p, i) => setMark(boards[i]!.doc, { stepId: matrix.id, groupId: null, pseudonym: p.pseudonym, cell: markCell('today', 'clinic', 'plan') }, true));
    await waitFor(() => tallyMarks(facBoard.doc, matrix.id).get(null)?.get(markCell('today', 'clinic', 'plan')) === people.length, 'every mark');

    // Persona cards and persona × channel marks.
    const personas = addStep(control.doc, { type: 'personas', title: 'Personas', minutes: 10, config: personasConfigFromPack(await packOf('personas', 'personas')) });
    goToStep(control.doc, personas.id);
    await sleep(100);
    const content = { label: 'Karin', situation: 'Bor långt bort', whatMatters: 'Att slippa åka', needs: ['Video'], abilityAndWill: 'Vill', resources: 'Grannar', expectations: 'Att bli ringd', channels: ['video'] };
    people.forEach((p, i) => {
      putPersonaCard(boards[i]!.doc, createPersonaCard({ ...content, label: `Karin ${i}` }, author(p), { stepId: personas.id }));
      setMark(boards[i]!.doc, { stepId: personas.id, groupId: null, pseudonym: p.pseudonym, cell: personaCell('margit', 'telefon') }, true);
    });
    await waitFor(() => selectPersonaCards(facBoard.doc, personas.id).length === people.length, 'every card');

    // Reflection answers, private until the facilitator shares them (then the host writes them).
    const reflectionConfig = reflectionConfigFromPack(await packOf('reflections', 'reflections'), ['s3'], 'du', 'sv', false)!;
    const reflection = addStep(control.doc, { type: 'reflection', title: 'Reflektera', minutes: 10, config: reflectionConfig });
    goToStep(control.doc, reflection.id);
    await sleep(100);
    for (const p of people) {
      await new ApiClient(host.host.url, p.token).json('POST', `/api/sessions/${session.id}/private-notes`, { stepId: reflection.id, questionId: 's3-antaganden', text: `reflektion av ${p.role}` }, 201);
    }
    await host.api.json('POST', `/api/sessions/${session.id}/steps/${reflection.id}/reveal`);
    await waitFor(() => selectNotes(facBoard.doc).length === 2 * people.length, 'the shared reflections');

    // A fresh stock client of a participant reads the whole board: JSON of every root, and the
    // encoded state itself (which also holds the keys of entries taken back).
    const reader = connect('board', people[3]!.token);
    await reader.whenSynced();
    await waitFor(() => selectNotes(reader.doc).length === 2 * people.length, 'everything at the reader');
    const json = JSON.stringify(Object.fromEntries([...reader.doc.share.keys()].map((root) => [root, reader.doc.getMap(root).toJSON()])));
    const encoded = Buffer.from(Y.encodeStateAsUpdate(reader.doc)).toString('latin1');
    expect([...reader.doc.share.keys()].sort()).toEqual(['marks', 'notes', 'personaCards', 'votes']);
    for (const p of people) {
      expect(json, `participant id of ${p.name ?? `anonymous ${p.role}`}`).not.toContain(p.participantId);
      expect(encoded).not.toContain(p.participantId);
    }
    // The named still show their names; the anonymous show neither name nor pseudonym on notes.
    const shown = selectNotes(reader.doc);
    expect(shown.filter((n) => n.authorName === 'Anna').every((n) => n.authorId === people[0]!.pseudonym)).toBe(true);
    expect(shown.filter((n) => n.anonymous).every((n) => n.authorId === undefined && n.authorName === undefined)).toBe(true);
  });
});
