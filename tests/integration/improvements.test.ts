import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newCycle, nextCycleNumber } from '../../src/core/improvement/model';
import type { Improvement, Measure } from '../../src/core/improvement/model';
import { addGuldkorn, clothConfigFromPack } from '../../src/core/instruments/dialogue-cloth';
import { packOfKind } from '../../src/core/instruments/content-pack';
import type { ContentPack } from '../../src/core/instruments/content-pack';
import { addStep } from '../../src/core/workshop/agenda';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import { castVote, tallyVotes } from '../../src/core/workshop/votes';
import { ErrorBodySchema } from '../../src/contracts/http';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import type { ImprovementFile, ImprovementSummary, RevisionSummary } from '../../src/contracts/improvements';
import type { ParticipantRole } from '../../src/core/roles';
import { IMPROVEMENT_APPLICATION_ID } from '../../src/host/improvements/sqlite-improvement-file';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

const VOTING = { votesPerPerson: 2, allowStacking: false, sourceStepId: null };

function measure(id: string): Measure {
  return { id, name: 'Återkoppling inom två dagar', kind: 'process', definition: 'Andel patienter som ringdes upp inom två vardagar', unit: '%', direction: 'up', points: [] };
}

/** An error answer: its code, its message (in the asked language) and the listed problems. */
async function errorOf(res: Response): Promise<{ status: number; error: string; message: string; details: string[] }> {
  const body = ErrorBodySchema.parse(await res.json());
  return { status: res.status, error: body.error, message: body.message, details: body.details ?? [] };
}

describe('improvements on the host (issue #5)', () => {
  let dir: ReturnType<typeof tempDir>;
  let t: TestHost;
  const clients: YClient[] = [];
  const connect = (sessionId: string, doc: 'control' | 'board' | 'vault', token: string): YClient => {
    const c = connectClient(t.host.url, sessionId, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  const create = (body: unknown) => t.api.json<Improvement>('POST', '/api/improvements', body, 201);
  const get = (id: string) => t.api.json<Improvement>('GET', `/api/improvements/${id}`);
  const save = (i: Improvement, revision = i.revision) => t.api.request('PUT', `/api/improvements/${i.id}`, { revision, improvement: i });

  beforeEach(async () => {
    dir = tempDir();
    t = await startTestHost({ dataDir: dir.path });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
    dir.remove();
  });

  async function restart(): Promise<void> {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
    t = await startTestHost({ dataDir: dir.path });
  }

  it('saves revisions, refuses a stale save with a clear conflict, and keeps every revision in the file', async () => {
    const created = await create({ title: 'Snabbare återkoppling', aim: 'Alla ringer tillbaka inom två dagar' });
    expect(created).toMatchObject({ revision: 0, title: 'Snabbare återkoppling', aim: { text: 'Alla ringer tillbaka inom två dagar' } });
    expect(created.id).toMatch(/^[a-z0-9]{16}$/);

    const first = { ...created, measures: [measure('m1')] };
    const res1 = await save(first);
    expect(res1.status).toBe(200);
    const saved1 = (await res1.json()) as Improvement;
    expect(saved1).toMatchObject({ revision: 1, measures: [{ id: 'm1' }] });

    // A second editor still on revision 0 saves: refused, in Swedish by default and English on request.
    const stale = { ...created, title: 'Min version' };
    const conflict = await errorOf(await save(stale, 0));
    expect(conflict).toMatchObject({ status: 409, error: 'revision-conflict' });
    expect(conflict.message).toMatch(/^Någon annan har sparat ändringar/);
    const conflictEn = await errorOf(await t.api.request('PUT', `/api/improvements/${created.id}`, { revision: 0, improvement: stale }, { 'Accept-Language': 'en' }));
    expect(conflictEn.message).toMatch(/^Someone else saved changes/);
    expect(await get(created.id)).toEqual(saved1);

    // Two saves from the same revision at once: exactly one is taken.
    const racing = await Promise.all([save({ ...saved1, title: 'A' }), save({ ...saved1, title: 'B' })]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = (await get(created.id)).title;
    expect(['A', 'B']).toContain(winner);
    const afterRace = await get(created.id);

    // Host-kept fields cannot be forged by a save.
    const forged = await t.api.request('PUT', `/api/improvements/${created.id}`, { revision: 2, improvement: { ...afterRace, title: 'Ny titel', createdAt: 1, revision: 7, id: 'zzzzzzzzzzzzzzzz' } });
    const saved3 = (await forged.json()) as Improvement;
    expect(saved3).toMatchObject({ id: created.id, createdAt: created.createdAt, revision: 3, title: 'Ny titel' });

    // An earlier revision comes back as a new one; nothing after it is lost.
    const restored = await t.api.json<Improvement>('POST', `/api/improvements/${created.id}/revisions/0/restore`, { revision: 3 });
    expect(restored).toMatchObject({ revision: 4, title: 'Snabbare återkoppling', measures: [] });
    const history = await t.api.json<RevisionSummary[]>('GET', `/api/improvements/${created.id}/revisions`);
    expect(history.map((r) => r.revision)).toEqual([4, 3, 2, 1, 0]);
    expect((await errorOf(await t.api.request('POST', `/api/improvements/${created.id}/revisions/9/restore`, { revision: 4 }))).error).toBe('not-found');

    // The file itself: Samskapa's improvement id, schema version, WAL, and all five revisions.
    await t.stop();
    const file = join(dir.path, 'improvements', `${created.id}.samskapa-improvement`);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(IMPROVEMENT_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const rows = db.prepare('SELECT rev, json FROM revisions ORDER BY rev').all() as { rev: number; json: string }[];
    db.close();
    expect(rows.map((r) => r.rev)).toEqual([0, 1, 2, 3, 4]);
    expect((JSON.parse(rows[1]!.json) as Improvement).measures[0]?.id).toBe('m1');
    t = await startTestHost({ dataDir: dir.path });
  });

  it('turns the most-voted note into a change idea in one click, keeps it through a restart, and exports and imports it', async () => {
    const session = await t.api.createSession('Träff 1: återkoppling');
    const { joinCode } = await t.api.share(session.id);
    const joinAs = (name: string | undefined, role: ParticipantRole, anonymous = false) => new ApiClient(t.host.url).join(joinCode, name, role, anonymous);
    const anna = await joinAs('Anna', 'patient');
    const anon = await joinAs('Karin', 'relative', true);
    const bo = await joinAs('Bo', 'staff');
    const control = connect(session.id, 'control', t.host.facilitatorToken);
    const facBoard = connect(session.id, 'board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);

    const writing = addStep(control.doc, { type: 'note-board', title: 'Vad saknar ni?', minutes: 10 });
    goToStep(control.doc, writing.id);
    const boards = new Map<string, YClient>();
    for (const p of [anna, anon, bo]) {
      const board = connect(session.id, 'board', p.token);
      const ctrl = connect(session.id, 'control', p.token);
      await Promise.all([board.whenSynced(), ctrl.whenSynced()]);
      boards.set(p.participantId, board);
    }
    await sleep(50);
    const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });
    const board = (p: JoinResponse) => boards.get(p.participantId)!;
    const annaNote = addNote(board(anna).doc, 'Svårt att nå mottagningen per telefon', author(anna), Date.now(), { stepId: writing.id });
    const anonNote = addNote(board(anon).doc, 'Ingen ringde tillbaka efter operationen', author(anon), Date.now(), { stepId: writing.id });
    const boNote = addNote(board(bo).doc, 'Vi hinner inte ringa alla', author(bo), Date.now(), { stepId: writing.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 3, 'three notes');
    expect(anonNote.authorName).toBeUndefined();

    const vote = addStep(control.doc, { type: 'dot-voting', title: 'Rösta', minutes: 5, config: VOTING });
    goToStep(control.doc, vote.id);
    await sleep(100);
    expect(castVote(board(anna).doc, vote.id, anna.pseudonym, anonNote.id, VOTING)).toBeNull();
    expect(castVote(board(bo).doc, vote.id, bo.pseudonym, anonNote.id, VOTING)).toBeNull();
    expect(castVote(board(bo).doc, vote.id, bo.pseudonym, annaNote.id, VOTING)).toBeNull();
    expect(castVote(board(anon).doc, vote.id, anon.pseudonym, anonNote.id, VOTING)).toBeNull();
    await waitFor(() => tallyVotes(facBoard.doc, vote.id, VOTING).reduce((n, r) => n + r.votes, 0) === 4, 'four votes');
    for (const c of clients) expect(c.closeCodes).toEqual([]);

    // The one click: from the most-voted note, as the facilitator sees the tally.
    const top = tallyVotes(facBoard.doc, vote.id, VOTING)[0]!;
    expect(top).toMatchObject({ noteId: anonNote.id, votes: 3 });
    const improvement = await create({ title: 'Återkoppling efter operation', sessionId: session.id });
    expect(improvement.sessions).toEqual([{ sessionId: session.id, title: 'Träff 1: återkoppling', linkedAt: expect.any(Number) }]);
    const withIdea = await t.api.json<Improvement>('POST', `/api/improvements/${improvement.id}/change-ideas`, {
      from: [{ kind: 'note', sessionId: session.id, stepId: vote.id, refId: top.noteId }],
    });
    const idea = withIdea.changeIdeas[0]!;
    expect(idea.text).toBe('Ingen ringde tillbaka efter operationen');
    expect(idea.origins).toEqual([
      { kind: 'note', sessionId: session.id, sessionTitle: 'Träff 1: återkoppling', stepId: vote.id, refId: anonNote.id, quote: 'Ingen ringde tillbaka efter operationen', votes: 3, authorRole: 'relative', linkedAt: expect.any(Number) },
    ]);
    const stored = JSON.stringify(withIdea);
    for (const secret of [anon.participantId, anon.pseudonym, 'Karin', anon.token]) expect(stored).not.toContain(secret);

    // A named writer's note adds a root to the same idea, with the name; the same note twice is one root.
    const twoRoots = await t.api.json<Improvement>('POST', `/api/improvements/${improvement.id}/change-ideas`, {
      changeIdeaId: idea.id,
      from: [
        { kind: 'note', sessionId: session.id, stepId: writing.id, refId: annaNote.id },
        { kind: 'note', sessionId: session.id, stepId: writing.id, refId: anonNote.id },
      ],
    });
    expect(twoRoots.changeIdeas).toHaveLength(1);
    expect(twoRoots.changeIdeas[0]!.origins.map((o) => [o.quote, o.authorName, o.votes])).toEqual([
      ['Ingen ringde tillbaka efter operationen', undefined, 3],
      ['Svårt att nå mottagningen per telefon', 'Anna', 1],
    ]);

    // Refused, and nothing saved: a hidden note, a note that is not in the named session, two sessions at once.
    await t.api.json('POST', `/api/sessions/${session.id}/notes/${boNote.id}/hide`);
    const silent = addStep(control.doc, { type: 'silent-writing', title: 'Tyst skrivande', minutes: 5 });
    goToStep(control.doc, silent.id);
    await sleep(100);
    const secret = await new ApiClient(t.host.url, anna.token).json<{ id: string }>('POST', `/api/sessions/${session.id}/private-notes`, { stepId: silent.id, text: 'Ännu inte visad' }, 201);
    const other = await t.api.createSession('En annan träff');
    const refused = [
      [{ kind: 'note', sessionId: session.id, stepId: writing.id, refId: boNote.id }],
      [{ kind: 'note', sessionId: session.id, stepId: silent.id, refId: secret.id }],
      [{ kind: 'note', sessionId: other.id, stepId: writing.id, refId: annaNote.id }],
      [
        { kind: 'note', sessionId: session.id, stepId: writing.id, refId: annaNote.id },
        { kind: 'note', sessionId: other.id, stepId: writing.id, refId: annaNote.id },
      ],
    ];
    const reasons: string[] = [];
    for (const from of refused) {
      const e = await errorOf(await t.api.request('POST', `/api/improvements/${improvement.id}/change-ideas`, { from }));
      expect(e).toMatchObject({ status: 422, error: 'contribution-unavailable' });
      reasons.push(e.details.join(' '));
    }
    expect(reasons[0]).toContain('the note is hidden');
    expect(reasons[1]).toContain('the note is not revealed yet');
    expect(reasons[2]).toContain(`no such note in session ${other.id}`);
    expect(reasons[3]).toContain('more than one session');
    expect((await get(improvement.id)).revision).toBe(twoRoots.revision);

    // Plan PDSA 1 in the session, with a measure whose chart will show it.
    const current = await get(improvement.id);
    const cycle1 = newCycle(current, idea.id, 'cycle-1', session.id, Date.now());
    const planned: Improvement = {
      ...current,
      measures: [measure('m1')],
      cycles: [{ ...cycle1, title: 'Ring upp dag 2', measureIds: ['m1'], plan: { ...cycle1.plan, objective: 'Hinner sköterskan ringa alla?', who: 'Sköterska Bo', startDate: '2026-12-01' } }],
    };
    const res = await save(planned);
    expect(res.status).toBe(200);
    const afterPlan = (await res.json()) as Improvement;
    expect(afterPlan.cycles[0]).toMatchObject({ number: 1, sessionId: session.id });

    // The host restarts: everything is read back from the files.
    await restart();
    const reloaded = await get(improvement.id);
    expect(reloaded).toEqual(afterPlan);
    const forSession = await t.api.json<ImprovementSummary[]>('GET', `/api/sessions/${session.id}/improvements`);
    expect(forSession.map((s) => [s.id, s.status, s.changeIdeas, s.cycles, s.measures])).toEqual([[improvement.id, 'ok', 1, 1, 1]]);
    expect(t.host.improvements.listForSession(session.id)).toEqual([afterPlan]);
    expect(t.host.improvements.listForSession(other.id)).toEqual([]);

    // Export, then import: identical but for the id (this one is taken here).
    const exported = await t.api.request('GET', `/api/improvements/${improvement.id}/export`);
    expect(exported.headers.get('content-disposition')).toContain(`improvement-${improvement.id}.json`);
    const fileText = await exported.text();
    const file = JSON.parse(fileText) as ImprovementFile;
    expect(file).toMatchObject({ format: 'samskapa-improvement', version: 1, improvement: afterPlan });
    expect(file.revisions?.map((r) => r.revision)).toEqual(Array.from({ length: afterPlan.revision + 1 }, (_, i) => afterPlan.revision - i));
    const imported = await t.api.json<Improvement>('POST', '/api/improvements/import', fileText, 201);
    expect(imported.id).not.toBe(improvement.id);
    expect({ ...imported, id: improvement.id }).toEqual(afterPlan);
    expect(imported.changeIdeas[0]!.origins[0]!.quote).toBe('Ingen ringde tillbaka efter operationen');

    // Deleting the copy removes its file and WAL companions; the original is untouched.
    expect((await t.api.request('DELETE', `/api/improvements/${imported.id}`)).status).toBe(204);
    const left = readdirSync(join(dir.path, 'improvements'));
    expect(left.some((name) => name.startsWith(imported.id))).toBe(false);
    expect((await errorOf(await t.api.request('GET', `/api/improvements/${imported.id}`))).error).toBe('improvement-not-found');
    expect(await get(improvement.id)).toEqual(afterPlan);
  });

  it('lets a follow-up session open the same improvement, add data points and plan the next cycle', async () => {
    const first = await t.api.createSession('Träff 1');
    const followUp = await t.api.createSession('Träff 2, en vecka senare');
    const created = await create({ title: 'Återkoppling', sessionId: first.id });
    const withMeasure = (await (await save({ ...created, measures: [measure('m1')], changeIdeas: [{ id: 'i1', text: 'Ring dag 2', createdAt: 1, origins: [] }] })).json()) as Improvement;

    const linked = await t.api.json<Improvement>('POST', `/api/improvements/${created.id}/sessions`, { sessionId: followUp.id });
    expect(linked.sessions.map((s) => [s.sessionId, s.title])).toEqual([
      [first.id, 'Träff 1'],
      [followUp.id, 'Träff 2, en vecka senare'],
    ]);
    // Linking again changes nothing (no new revision).
    expect((await t.api.json<Improvement>('POST', `/api/improvements/${created.id}/sessions`, { sessionId: followUp.id })).revision).toBe(linked.revision);

    // Pasted from a spreadsheet: kept in the given order, each with its own id and the session it came from.
    const pasted = [
      { date: '2026-12-07', value: 55 },
      { date: '2026-12-01', value: 40, note: 'före testet' },
      { date: '2026-12-07', value: 60 },
    ];
    const withPoints = await t.api.json<Improvement>('POST', `/api/improvements/${created.id}/measures/m1/points`, { points: pasted, sessionId: followUp.id });
    const points = withPoints.measures[0]!.points;
    expect(points.map((p) => [p.date, p.value, p.note, p.sessionId])).toEqual([
      ['2026-12-07', 55, undefined, followUp.id],
      ['2026-12-01', 40, 'före testet', followUp.id],
      ['2026-12-07', 60, undefined, followUp.id],
    ]);
    expect(new Set(points.map((p) => p.id)).size).toBe(3);
    const more = await t.api.json<Improvement>('POST', `/api/improvements/${created.id}/measures/m1/points`, { points: [{ date: '2026-12-14', value: 70 }] });
    expect(more.measures[0]!.points.map((p) => p.value)).toEqual([55, 40, 60, 70]);
    expect(more.measures[0]!.points[3]!.sessionId).toBeNull();

    // Bad points are refused with each problem named; nothing is added.
    const bad = await errorOf(await t.api.request('POST', `/api/improvements/${created.id}/measures/m1/points`, { points: [{ date: '2026-02-30', value: 1 }, { date: '2026-12-01', value: 'många' }] }));
    expect(bad).toMatchObject({ status: 400, error: 'bad-request' });
    expect(bad.details).toEqual(['points.0.date: no such date', 'points.1.value: Invalid input: expected number, received string']);
    expect((await errorOf(await t.api.request('POST', `/api/improvements/${created.id}/measures/nope/points`, { points: [{ date: '2026-12-01', value: 1 }] }))).status).toBe(404);
    expect((await errorOf(await t.api.request('POST', `/api/improvements/${created.id}/sessions`, { sessionId: 'aaaaaaaaaaaaaaaa' }))).error).toBe('not-found');
    expect((await get(created.id)).measures[0]!.points).toHaveLength(4);

    // PDSA 2 is numbered after 1, and the follow-up session lists the improvement.
    const now = await get(created.id);
    const c1 = { ...newCycle(now, 'i1', 'c1', first.id, 1), measureIds: ['m1'] };
    const c2 = newCycle({ cycles: [c1] }, 'i1', 'c2', followUp.id, 2);
    expect(nextCycleNumber({ cycles: [c1] }, 'i1')).toBe(2);
    expect((await save({ ...now, cycles: [c1, c2] })).status).toBe(200);
    const listed = await t.api.json<ImprovementSummary[]>('GET', `/api/sessions/${followUp.id}/improvements`);
    expect(listed.map((s) => [s.id, s.cycles])).toEqual([[created.id, 2]]);
    expect(withMeasure.revision).toBeLessThan((await get(created.id)).revision);
  });

  it('quotes a dialogduk insight and a seven-questions gap, read from the session', async () => {
    const session = await t.api.createSession('Dialog');
    const { joinCode } = await t.api.share(session.id);
    const control = connect(session.id, 'control', t.host.facilitatorToken);
    await control.whenSynced();
    const packs = async <K extends ContentPack['kind']>(id: string, kind: K) => packOfKind(await t.api.json<ContentPack>('GET', `/api/content-packs/${id}`), kind)!;

    const cloth = addStep(control.doc, { type: 'dialogue-cloth', title: 'Dialogduk', minutes: 20, config: clothConfigFromPack(await packs('dialogue-cloths', 'dialogue-cloths'), 'patientkontrakt-i-praktiken', 'sv')! });
    const insight = addGuldkorn(control.doc, { stepId: cloth.id, text: 'Patienterna vill kunna nå oss på video' });
    if (typeof insight === 'string') throw new Error(insight);

    const seven = addStep(control.doc, { type: 'seven-questions', title: '7 frågor', minutes: 10 });
    goToStep(control.doc, seven.id);
    await sleep(100);
    const roles: ParticipantRole[] = ['patient', 'patient', 'relative', 'staff', 'staff', 'staff'];
    for (const [i, role] of roles.entries()) {
      const p = await new ApiClient(t.host.url).join(joinCode, `P${i}`, role);
      const answer = role === 'staff' ? 'ja' : i === 0 ? 'ja' : 'nej';
      const res = await new ApiClient(t.host.url, p.token).request('POST', `/api/sessions/${session.id}/answers`, { stepId: seven.id, answers: { q1: answer } });
      expect(res.status).toBe(200);
    }
    const improvement = await create({ title: 'Tillgänglighet' });
    const ref = (kind: string, stepId: string, refId: string) => ({ from: [{ kind, sessionId: session.id, stepId, refId }] });
    // Not published yet: refused.
    const early = await errorOf(await t.api.request('POST', `/api/improvements/${improvement.id}/change-ideas`, ref('gap', seven.id, 'q1')));
    expect(early.details[0]).toContain('not published');
    await t.api.json('POST', `/api/sessions/${session.id}/steps/${seven.id}/results`);

    const withInsight = await t.api.json<Improvement>('POST', `/api/improvements/${improvement.id}/change-ideas`, ref('cloth-insight', cloth.id, insight.id));
    expect(withInsight.changeIdeas[0]).toMatchObject({ text: 'Patienterna vill kunna nå oss på video', origins: [{ kind: 'cloth-insight', quote: 'Patienterna vill kunna nå oss på video' }] });
    expect(withInsight.sessions.map((s) => s.sessionId)).toEqual([session.id]);

    const withGap = await t.api.json<Improvement>('POST', `/api/improvements/${improvement.id}/change-ideas`, { text: 'Fråga patienterna hur de vill få hjälp', ...ref('gap', seven.id, 'q1') });
    const gap = withGap.changeIdeas[1]!;
    expect(gap.text).toBe('Fråga patienterna hur de vill få hjälp');
    expect(gap.origins[0]).toMatchObject({ kind: 'gap', refId: 'q1', gap: { patient: 1 / 3, staff: 1 } });
    expect(gap.origins[0]!.quote).toMatch(/^Känner du att du kan ha fokus på att leva livet/);
    const wrong = await errorOf(await t.api.request('POST', `/api/improvements/${improvement.id}/change-ideas`, ref('gap', seven.id, 'q9')));
    expect(wrong.details[0]).toContain('was not asked');
  });

  it('lists a damaged or too-new improvement file with what is wrong, and opens the others', async () => {
    await t.api.createSession('En session');
    const good = await create({ title: 'Fungerar' });
    const later = await create({ title: 'Från en nyare version' });
    await t.stop();
    const improvements = join(dir.path, 'improvements');
    const db = new Database(join(improvements, `${later.id}.samskapa-improvement`));
    db.pragma('user_version = 99');
    db.close();
    const brokenId = 'bbbbbbbbbbbbbbbb';
    writeFileSync(join(improvements, `${brokenId}.samskapa-improvement`), 'inte en databas '.repeat(100));
    // A session file, and a good improvement file under another improvement's name.
    const sessionFile = readdirSync(join(dir.path, 'sessions'))[0];
    if (sessionFile) copyFileSync(join(dir.path, 'sessions', sessionFile), join(improvements, 'ssssssssssssssss.samskapa-improvement'));
    copyFileSync(join(improvements, `${good.id}.samskapa-improvement`), join(improvements, 'rrrrrrrrrrrrrrrr.samskapa-improvement'));
    t = await startTestHost({ dataDir: dir.path });

    const list = await t.api.json<ImprovementSummary[]>('GET', '/api/improvements');
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(byId.get(good.id)).toMatchObject({ status: 'ok', title: 'Fungerar' });
    expect(byId.get(later.id)).toMatchObject({ status: 'too-new', title: '' });
    expect(byId.get(brokenId)).toMatchObject({ status: 'corrupt', file: join(improvements, `${brokenId}.samskapa-improvement`) });
    expect(byId.get(brokenId)?.problem).toContain(`${brokenId}.samskapa-improvement`);
    expect(byId.get('ssssssssssssssss')).toMatchObject({ status: 'corrupt', problem: expect.stringContaining('not a Samskapa improvement file') });
    expect(byId.get('rrrrrrrrrrrrrrrr')).toMatchObject({ status: 'corrupt', problem: expect.stringContaining('holds another improvement') });
    expect(t.logs.some((line) => line.includes(brokenId) && line.includes('cannot be opened'))).toBe(true);

    const broken = await errorOf(await t.api.request('GET', `/api/improvements/${brokenId}`));
    expect(broken).toMatchObject({ status: 422, error: 'improvement-corrupt' });
    expect(broken.message).toContain('Inget har skrivits över');
    expect((await errorOf(await t.api.request('GET', `/api/improvements/${later.id}`))).error).toBe('improvement-too-new');
    expect((await get(good.id)).title).toBe('Fungerar');
    expect((await save({ ...(await get(good.id)), title: 'Fungerar fortfarande' })).status).toBe(200);
    // The damaged file was not written to.
    expect(readFileSync(join(improvements, `${brokenId}.samskapa-improvement`), 'utf8')).toBe('inte en databas '.repeat(100));
    expect(existsSync(join(improvements, `${brokenId}.samskapa-improvement-wal`))).toBe(false);
  });

  it('refuses hostile bodies with a clear error and saves nothing', async () => {
    const created = await create({ title: 'Mål' });
    const put = (body: unknown) => t.api.request('PUT', `/api/improvements/${created.id}`, body);

    const wrongTypes = await errorOf(await put({ revision: 'noll', improvement: 5 }));
    expect(wrongTypes).toMatchObject({ status: 400, error: 'invalid-improvement' });
    expect(wrongTypes.details).toEqual(['revision: Invalid input: expected number, received string', 'improvement: Invalid input: expected object, received number']);
    expect(wrongTypes.message).toContain('Inget sparat har ändrats');

    const dangling = await errorOf(await put({ revision: 0, improvement: { ...created, cycles: [newCycle(created, 'no-idea', 'c1', null, 1)] } }));
    expect(dangling.details).toEqual(['improvement.cycles.0.changeIdeaId: no such change idea']);

    // Huge arrays: refused by the schema's limits, with the list of problems capped.
    const manyMeasures = Array.from({ length: 5000 }, (_, i) => ({ ...measure(`m${i}`), kind: 'wrong' }));
    const huge = await errorOf(await put({ revision: 0, improvement: { ...created, measures: manyMeasures } }));
    expect(huge).toMatchObject({ status: 400, error: 'invalid-improvement' });
    expect(huge.details.length).toBeLessThanOrEqual(51);
    expect(huge.details.some((d) => d.startsWith('improvement.measures:'))).toBe(true);
    const manyPoints = Array.from({ length: 1001 }, () => ({ date: '2026-12-01', value: 1 }));
    expect((await errorOf(await t.api.request('POST', `/api/improvements/${created.id}/measures/m1/points`, { points: manyPoints }))).details).toEqual([
      'points: Too big: expected array to have <=1000 items',
    ]);

    // 10 MB: refused as too large, and the host still answers.
    const tenMegabytes = JSON.stringify({ revision: 0, improvement: { ...created, title: 'x'.repeat(10 * 1024 * 1024) } });
    const tooLarge = await put(tenMegabytes).then(errorOf);
    expect(tooLarge).toMatchObject({ status: 413, error: 'payload-too-large' });
    expect(await put('{"revision": 0, "improvement": ').then(errorOf)).toMatchObject({ status: 400, details: ['(body): not JSON'] });

    // Import: not JSON, not an improvement, a newer version, an invalid improvement.
    const imp = (text: string) => t.api.request('POST', '/api/improvements/import', text).then(errorOf);
    expect((await imp('%PDF-1.7')).details).toEqual(['(file): the file is not JSON']);
    expect((await imp(JSON.stringify({ format: 'samskapa-template', version: 1 }))).details[0]).toMatch(/^format: /);
    expect(await imp(JSON.stringify({ format: 'samskapa-improvement', version: 7, improvement: created }))).toMatchObject({ error: 'improvement-too-new' });
    const invalid = await imp(JSON.stringify({ format: 'samskapa-improvement', version: 1, exportedAt: 1, improvement: { ...created, title: '' } }));
    expect(invalid).toMatchObject({ status: 400, error: 'invalid-improvement' });
    expect(invalid.details[0]).toMatch(/^improvement\.title: /);

    // Only the facilitator: a participant is refused, and so is no token at all.
    const session = await t.api.createSession('S');
    const { joinCode } = await t.api.share(session.id);
    const p = await new ApiClient(t.host.url).join(joinCode, 'Anna', 'patient');
    expect((await new ApiClient(t.host.url, p.token).request('GET', '/api/improvements')).status).toBe(403);
    expect((await new ApiClient(t.host.url, p.token).request('POST', '/api/improvements', { title: 'x' })).status).toBe(403);
    expect((await new ApiClient(t.host.url).request('GET', `/api/improvements/${created.id}`)).status).toBe(401);

    expect(await get(created.id)).toEqual(created);
    expect((await t.api.json<RevisionSummary[]>('GET', `/api/improvements/${created.id}/revisions`)).map((r) => r.revision)).toEqual([0]);
  });

  it('answers any near-valid save with the saved improvement or the problems, never a 500, and keeps only what it accepted', async () => {
    const created = await create({ title: 'Egenskaper' });
    const seed = (await (await save({
      ...created,
      measures: [{ ...measure('m1'), points: [{ id: 'p1', date: '2026-12-01', value: 4 }] }],
      changeIdeas: [{ id: 'i1', text: 'Idé', createdAt: 1, origins: [] }],
      cycles: [{ ...newCycle(created, 'i1', 'c1', null, 1), measureIds: ['m1'] }],
    })).json()) as Improvement;
    const paths = ['title', 'aim.text', 'measures.0.points.0.date', 'measures.0.points.0.value', 'measures.0.id', 'changeIdeas.0.id', 'cycles.0.number', 'cycles.0.changeIdeaId', 'cycles.0.measureIds', 'cycles.0.plan.startDate', 'cycles.0.act.decision', 'sessions'];
    const values = fc.oneof(
      fc.constantFrom<unknown>(null, '', ' ', 0, -1, 1.5, 1e308, [], {}, true, '2026-02-30', '2026-12-24', 'adopt', 'i1', 'm1', 2, ['m1', 'm1'], ['gone'], 'x'.repeat(5000)),
      fc.string({ maxLength: 30 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    let accepted = 0;
    let revision = seed.revision;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...paths), values), { minLength: 1, maxLength: 3 }), async (edits) => {
        const draft = structuredClone({ ...seed, revision }) as unknown as Record<string, unknown>;
        for (const [path, value] of edits) setPath(draft, path, value);
        const res = await t.api.request('PUT', `/api/improvements/${created.id}`, { revision, improvement: draft });
        if (res.status === 200) {
          const saved = (await res.json()) as Improvement;
          expect(saved.revision).toBe(revision + 1);
          expect(await get(created.id)).toEqual(saved);
          revision = saved.revision;
          accepted += 1;
        } else {
          const e = await errorOf(res);
          expect(e).toMatchObject({ status: 400, error: 'invalid-improvement' });
          expect(e.details.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 80, seed: 0x1d5a, endOnFailure: true },
    );
    const history = await t.api.json<RevisionSummary[]>('GET', `/api/improvements/${created.id}/revisions`);
    expect(history).toHaveLength(seed.revision + 1 + accepted);
    expect(accepted).toBeGreaterThan(0);
  });
});

/** Sets `a.b.0.c` in a plain JSON value, making the containers it needs. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
