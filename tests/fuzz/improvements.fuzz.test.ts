/**
 * Fuzzing improvements (issue #5) on a real host process (issue #7, "Bad input, tried for real"):
 * generated saves (the current improvement mutated: fields dropped, wrong types, too many measures,
 * points, ideas or cycles, dates that do not exist, giant strings, `__proto__`/`constructor` keys,
 * deep nesting; with the current, a stale or a wrong revision), improvement files to import (the
 * real export mutated the same way, and damaged as text), creates, change ideas from contributions,
 * data points, session links and restores — with the facilitator's token, a participant's or none.
 *
 * Every answer is below 500, JSON, `{error, message}` with a known code when refused, never a stack
 * trace. A refused request stores nothing: the improvement list (with each revision), the data
 * folder's files and the target's stored revisions are as before. A taken one adds exactly what it
 * says: a save raises the revision by one and adds one stored revision, an import adds one
 * improvement; what is stored reads back and passes the model's schema.
 */
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorBodySchema } from '../../src/contracts/http';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import { ImprovementFileSchema } from '../../src/contracts/improvements';
import { ERROR_CODES } from '../../src/core/errors';
import { ImprovementSchema } from '../../src/core/improvement/model';
import type { Improvement } from '../../src/core/improvement/model';
import { selectAgenda } from '../../src/core/workshop/agenda';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import { FuzzTally, assertHealthy, fuzzParameters, fuzzTimeout, hostState, httpCall, isAlive, nastyString, stopChildHost } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';
import { sleep, waitFor } from '../helpers/wait';
import { connectClient } from '../helpers/yjs-client';

const BATCH = 50;
const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** Saves and imports may be 2 MiB (src/host/http/improvement-routes.ts). */
const BODY_LIMIT = 2 * 1024 * 1024;

const saveTally = new FuzzTally('improvement-saves');
const fileTally = new FuzzTally('improvement-imports');
const actionTally = new FuzzTally('improvement-actions');

let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let api: ApiClient;
let session: SessionSummary;
let participant: JoinResponse;
let noteIds: string[] = [];
let stepIds: string[] = [];
let noteStepId = '';
/** The improvement the requests work on (read again before each). */
let targetId = '';
let seedFile: unknown;
let sinceCheck = 0;

type Json = unknown;
type Obj = Record<string, Json>;
type Mutation = (i: Obj) => void;

function nest(depth: number): Json {
  let v: Json = 'bunn';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}
const fresh = (value: Json): Json => (value === undefined ? value : structuredClone(value));
const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

function containers(value: Json, out: (Obj | Json[])[] = []): (Obj | Json[])[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Obj);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, 1e308, '', ' ', [], {}, '\u0000', '\ud800', '2026-02-30', '2026-13-01', 'x'.repeat(4001)),
  fc.jsonValue({ maxDepth: 2 }),
  nastyString(40),
  fc.integer({ min: 5, max: 2000 }).map((n) => nest(n)),
);

const measure = (i: number) => ({ id: `m${i}`, name: `Mått ${i}`, kind: 'process', definition: '', unit: 'st', direction: 'up', baselinePoints: null, points: [] });
const point = (i: number) => ({ id: `pt${i}`, date: '2026-01-05', value: i });
const idea = (i: number) => ({ id: `ci${i}`, text: `Idé ${i}`, createdAt: 1, origins: [] });

const improvementMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (i) => {
    const c = pick(containers(i).filter((x) => !Array.isArray(x) && Object.keys(x).length), n) as Obj | undefined;
    if (c) delete c[Object.keys(c)[n % Object.keys(c).length]!];
  }),
  fc.tuple(fc.nat(), wrongValue).map(([n, v]): Mutation => (i) => {
    const c = pick(containers(i).filter((x) => Object.keys(x).length), n) as Obj | undefined;
    if (c) c[Object.keys(c)[n % Object.keys(c).length]!] = fresh(v);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), wrongValue).map(([n, key, v]): Mutation => (i) => {
    const c = pick(containers(i).filter((x) => !Array.isArray(x)), n);
    if (c) Object.defineProperty(c, key, { value: fresh(v), enumerable: true, writable: true, configurable: true });
  }),
  // Past every limit of the model, and exactly at it.
  fc.integer({ min: 49, max: 52 }).map((n): Mutation => (i) => void (i.measures = Array.from({ length: n }, (_, k) => measure(k)))),
  fc.integer({ min: 999, max: 1002 }).map((n): Mutation => (i) => void (i.measures = [{ ...measure(0), points: Array.from({ length: n }, (_, k) => point(k)) }])),
  fc.integer({ min: 199, max: 202 }).map((n): Mutation => (i) => void (i.changeIdeas = Array.from({ length: n }, (_, k) => idea(k)))),
  fc.constant<Mutation>((i) => void (i.changeIdeas = [idea(1), idea(1)])),
  fc.constant<Mutation>((i) => void (i.measures = [measure(1), measure(1)])),
  fc.tuple(fc.constantFrom('2026-02-30', '2026-02-29', '2028-02-29', '2026-1-5', '05-01-2026', '2026-01-05T00:00:00Z', ''), fc.oneof(fc.double(), fc.constantFrom<Json>(1e308, -1e308, '3', null))).map(
    ([date, value]): Mutation => (i) => void (i.measures = [{ ...measure(0), points: [{ id: 'p', date, value }] }]),
  ),
  fc.tuple(fc.constantFrom('title', 'id'), fc.integer({ min: 39, max: 300_000 })).map(([k, n]): Mutation => (i) => void (i[k] = 'å'.repeat(n))),
  fc.integer({ min: 3999, max: 1_000_000 }).map((n): Mutation => (i) => void (i.aim = { text: 'ö'.repeat(n), coAuthors: [] })),
  fc.constantFrom<Json>(0, 2, '1', null, 1.5).map((v): Mutation => (i) => void (i.format = v)),
  fc.constant<Mutation>(() => {}),
);

/** Edits a person makes: valid, so the saves that carry them are taken and the history grows. */
const benignMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }).filter((t) => t.trim().length > 0).map((t): Mutation => (i) => void (i.title = t)),
  fc.string({ maxLength: 400 }).map((t): Mutation => (i) => void ((i.aim as Obj).text = t)),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map(([d, value]): Mutation => (i) => {
    const m = (i.measures as Obj[] | undefined)?.[0];
    if (m && Array.isArray(m.points) && m.points.length < 900) m.points.push({ id: `b${m.points.length}-${d}`, date: `2026-02-${String(d).padStart(2, '0')}`, value });
  }),
  fc.string({ minLength: 1, maxLength: 100 }).filter((t) => t.trim().length > 0).map((t): Mutation => (i) => {
    if (Array.isArray(i.changeIdeas) && i.changeIdeas.length < 150) i.changeIdeas.push({ id: `b${i.changeIdeas.length}`, text: t, createdAt: Date.now(), origins: [] });
  }),
);
const editArb = fc.oneof({ weight: 3, arbitrary: fc.array(benignMutation, { maxLength: 2 }) }, { weight: 2, arbitrary: fc.array(improvementMutation, { minLength: 1, maxLength: 3 }) });
const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: wrongValue });

/** Bytes sometimes damaged as text. */
const textDamage = fc.oneof(
  { weight: 10, arbitrary: fc.constant((text: string) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => Buffer.from(text.slice(0, Math.floor(at * text.length)))) },
  { weight: 1, arbitrary: fc.constant((text: string) => Buffer.from(`\ufeff${text}`)) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => (text: string) => Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff, ...b]), Buffer.from(text.slice(40))])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => () => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom('', 'null', '{}', '[]', '{"format":"samskapa-improvement","version":2}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`).map((s) => () => Buffer.from(s)) },
);

const auth = fc.oneof(
  { weight: 8, arbitrary: fc.constant('facilitator' as const) },
  { weight: 1, arbitrary: fc.constant('participant' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
);
type Who = 'facilitator' | 'participant' | 'none';

function headers(who: Who): Record<string, string> {
  const h: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': 'sv' };
  if (who === 'facilitator') h.Authorization = `Bearer ${host.ready.facilitatorToken}`;
  if (who === 'participant') h.Authorization = `Bearer ${participant.token}`;
  return h;
}

// ---------------------------------------------------------------------------------------------

async function current(): Promise<Improvement> {
  return api.json<Improvement>('GET', `/api/improvements/${targetId}`);
}

async function revisionCount(id: string): Promise<number> {
  return (await api.json<unknown[]>('GET', `/api/improvements/${id}/revisions`)).length;
}

interface Sent {
  readonly tally: FuzzTally;
  readonly method: string;
  readonly path: string;
  readonly body: Buffer;
  readonly who: Who;
  /** What a taken request does: a new revision of the target, or a new improvement. */
  readonly takes: 'revision' | 'revision-or-same' | 'new';
}

/** Sends one request and checks the promises of the file header. */
async function sendOnce(sent: Sent): Promise<void> {
  await sent.tally.run(1, async () => {
    const before = await hostState(host, dir.path);
    const target = await current();
    const revisionsBefore = await revisionCount(targetId);
    const res = await httpCall(host.ready.url, sent.method, sent.path, { headers: headers(sent.who), body: sent.body, timeoutMs: 20_000 }).catch((error: unknown) => {
      if (sent.body.length > BODY_LIMIT && isAlive(host)) return null;
      throw new Error(`${sent.method} ${sent.path} (${sent.body.length} B): ${String(error)}; ${host.stderr.join('').slice(-1500)}`);
    });
    if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-4000)}`);
    const what = `${sent.method} ${sent.path} as ${sent.who} (${sent.body.length} B: ${sent.body.subarray(0, 200).toString('utf8')}): ${res ? `${res.status} ${res.text.slice(0, 400)}` : 'reset'}`;
    if (res) {
      if (res.status >= 500) throw new Error(`${what}; host said: ${host.stderr.join('').slice(-1500)}`);
      expect(res.text, what).not.toMatch(/\n\s+at .+:\d+:\d+|node:internal|\/src\/host\//);
      if (res.status !== 204) expect(res.contentType, what).toMatch(/^application\/json/);
      sent.tally.note(`${sent.who}-${res.status}`);
    } else sent.tally.note('oversized-reset');
    if (!res || res.status >= 400) {
      if (res) {
        const error = ErrorBodySchema.parse(JSON.parse(res.text));
        expect(KNOWN_CODES.has(error.error), `${what}: unknown code`).toBe(true);
        if (sent.who !== 'facilitator') expect([401, 403, 413], what).toContain(res.status);
        sent.tally.note(`refused:${error.error}`);
      }
      // Nothing stored from a refused request.
      expect(await hostState(host, dir.path), `${what}: a refused request changed what is stored`).toEqual(before);
      expect(await revisionCount(targetId), `${what}: a refused request added a revision`).toBe(revisionsBefore);
    } else {
      expect(sent.who, `${what}: taken without the facilitator's token`).toBe('facilitator');
      const answer = ImprovementSchema.parse(JSON.parse(res.text));
      if (sent.takes === 'new') {
        const after = await hostState(host, dir.path);
        expect(after.improvements.length, `${what}: one more improvement`).toBe(before.improvements.length + 1);
        expect(before.improvements.some((i) => i.startsWith(`${answer.id}|`)), `${what}: took an existing id`).toBe(false);
        ImprovementSchema.parse(await api.json('GET', `/api/improvements/${answer.id}`));
        // Removed again so the list stays short on long runs; the removal must work too.
        expect((await httpCall(host.ready.url, 'DELETE', `/api/improvements/${answer.id}`, { headers: headers('facilitator') })).status).toBe(204);
      } else {
        const back = ImprovementSchema.parse(await api.json('GET', `/api/improvements/${targetId}`));
        expect(back, `${what}: what the answer says is what is stored`).toEqual(answer);
        const revisionsAfter = await revisionCount(targetId);
        if (answer.revision === target.revision) {
          expect(sent.takes, `${what}: a taken save that kept the revision`).toBe('revision-or-same');
          expect(revisionsAfter).toBe(revisionsBefore);
        } else {
          expect(answer.revision, `${what}: the revision rises by one`).toBe(target.revision + 1);
          expect(revisionsAfter, `${what}: one more stored revision`).toBe(revisionsBefore + 1);
        }
      }
      sent.tally.note('taken-and-read-back');
    }
    if (++sinceCheck >= BATCH) await stillServing();
  });
}

async function stillServing(): Promise<void> {
  sinceCheck = 0;
  await assertHealthy(host);
  const list = await api.json<{ id: string; status: string }[]>('GET', '/api/improvements');
  for (const i of list) expect(i.status, `improvement ${i.id} listed as ${i.status}`).toBe('ok');
  ImprovementFileSchema.parse(await api.json('GET', `/api/improvements/${targetId}/export`));
  expect(host.stderr.join('')).not.toMatch(/request failed|TypeError|RangeError/);
}

// ---------------------------------------------------------------------------------------------

const saveInput = fc.tuple(editArb, fc.oneof({ weight: 5, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: fc.constant('stale') }, { weight: 1, arbitrary: wrongValue }), textDamage, auth);
const fileInput = fc.tuple(editArb, fc.oneof(fc.constant<Mutation>(() => {}), fc.tuple(fc.constantFrom('format', 'version', 'exportedAt', 'revisions', 'improvement'), wrongValue).map(([k, v]): Mutation => (f) => void (f[k] = fresh(v)))), textDamage, auth);

const ref = fc.record(
  {
    kind: mostly(fc.constantFrom('note', 'note', 'cloth-insight', 'gap')),
    sessionId: mostly(fc.constant(null).map(() => session.id)),
    stepId: mostly(fc.oneof(fc.constant(null).map(() => noteStepId), fc.nat().map((n) => stepIds[n % stepIds.length]!))),
    refId: mostly(fc.oneof(fc.nat().map((n) => noteIds[n % noteIds.length]!), fc.constantFrom('q1', 'q7'), nastyString(45))),
  },
  { requiredKeys: ['kind', 'sessionId', 'stepId', 'refId'] },
);
const actionInput = fc.oneof(
  fc.tuple(fc.constant('create'), fc.record({ title: mostly(fc.oneof(nastyString(60), fc.constant('x'.repeat(201)))), aim: mostly(nastyString(60)), sessionId: mostly(fc.oneof(fc.constant(null).map(() => session.id), nastyString(45))) }, { requiredKeys: [] })),
  fc.tuple(fc.constant('change-ideas'), fc.record({ text: mostly(nastyString(60)), from: mostly(fc.oneof(fc.array(ref, { maxLength: 3 }), fc.array(ref, { minLength: 51, maxLength: 52 }))), changeIdeaId: fc.oneof(fc.constant(null).map(() => 'b0'), nastyString(45), wrongValue) }, { requiredKeys: [] })),
  fc.tuple(
    fc.constant('points'),
    fc.record({ points: fc.oneof(fc.array(fc.record({ date: mostly(fc.constantFrom('2026-03-01', '2026-02-28', '2026-02-30', 'x')), value: mostly(fc.double({ noNaN: true, noDefaultInfinity: true })), note: mostly(nastyString(30)) }, { requiredKeys: ['date', 'value'] }), { maxLength: 4 }), fc.integer({ min: 999, max: 1001 }).map((n) => Array.from({ length: n }, () => ({ date: '2026-03-01', value: 1 }))), wrongValue), sessionId: fc.oneof(fc.constant(null).map(() => session.id), fc.constant(null), wrongValue) }, { requiredKeys: [] }),
  ),
  fc.tuple(fc.constant('sessions'), fc.record({ sessionId: fc.oneof(fc.constant(null).map(() => session.id), nastyString(45), wrongValue) }, { requiredKeys: [] })),
  fc.tuple(fc.constant('restore'), fc.record({ revision: fc.oneof(fc.constant('current'), wrongValue), rev: fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(999_999_999, 0)) })),
);

describe('fuzz: improvements (saves, files, actions)', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-improvements-');
    host = await startChildHost({ dataDir: dir.path });
    api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    // A workshop with notes, so change ideas can come from real contributions.
    session = await api.json<SessionSummary>('POST', '/api/sessions', { title: 'Verkstad', template: 'co-design-2h-sv' }, 201);
    participant = await new ApiClient(host.ready.url).join((await api.share(session.id)).joinCode, 'Anna', 'patient');
    const control = connectClient(host.ready.url, session.id, 'control', host.ready.facilitatorToken, new Y.Doc());
    const board = connectClient(host.ready.url, session.id, 'board', participant.token, new Y.Doc());
    const facBoard = connectClient(host.ready.url, session.id, 'board', host.ready.facilitatorToken, new Y.Doc());
    try {
      await Promise.all([control.whenSynced(), board.whenSynced(), facBoard.whenSynced()]);
      const step = selectAgenda(control.doc).find((s) => s.type === 'note-board')!;
      goToStep(control.doc, step.id);
      await sleep(150);
      for (const text of ['Samma läkare varje gång', 'Kortare kö i telefon']) addNote(board.doc, text, { role: 'patient', anonymous: false, name: 'Anna', pseudonym: participant.pseudonym }, Date.now(), { stepId: step.id });
      await waitFor(() => selectNotes(facBoard.doc).length === 2, 'two notes');
      noteIds = selectNotes(facBoard.doc).map((n) => n.id);
      noteStepId = step.id;
      stepIds = selectAgenda(control.doc).map((s) => s.id);
      await sleep(200);
    } finally {
      for (const c of [control, board, facBoard]) c.destroy();
    }
    const created = await api.json<Improvement>('POST', '/api/improvements', { title: 'Kortare väntetid', aim: 'Hälften så lång väntetid.', sessionId: session.id }, 201);
    targetId = created.id;
    const withMeasure = { ...created, measures: [{ ...measure(1), points: [point(1), point(2)] }] };
    await api.json('PUT', `/api/improvements/${targetId}`, { revision: created.revision, improvement: withMeasure });
    await api.json('POST', `/api/improvements/${targetId}/change-ideas`, { from: [{ kind: 'note', sessionId: session.id, stepId: noteStepId, refId: noteIds[0] }] }).catch(() => undefined);
    seedFile = await api.json('GET', `/api/improvements/${targetId}/export`);
  }, 120_000);

  afterAll(async () => {
    for (const t of [saveTally, fileTally, actionTally]) console.log(t.line());
    if (host) {
      const alive = isAlive(host);
      const code = await stopChildHost(host);
      if (!alive) console.log(`host had ended (${code}): ${host.stderr.join('').slice(-4000)}`);
    }
    dir?.remove();
  }, fuzzTimeout(60));

  it('saves: a mutated improvement with the current, a stale or a wrong revision is saved as one more revision or refused, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(saveInput, async ([mutations, revision, damage, who]) => {
        const now = await current();
        const edited = structuredClone(now) as unknown as Obj;
        for (const m of mutations) m(edited);
        const rev = revision === 'current' ? now.revision : revision === 'stale' ? Math.max(0, now.revision - 1) : revision;
        const body = damage(JSON.stringify({ revision: rev, improvement: edited }) ?? '');
        await sendOnce({ tally: saveTally, method: 'PUT', path: `/api/improvements/${targetId}`, body, who, takes: 'revision' });
      }),
      fuzzParameters(41),
    );
    await stillServing();
  }, fuzzTimeout(150));

  it('files: a mutated improvement export is imported as a new improvement or refused, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fileInput, async ([mutations, fileMutation, damage, who]) => {
        const file = structuredClone(seedFile) as Obj;
        for (const m of mutations) m(file.improvement as Obj);
        fileMutation(file);
        await sendOnce({ tally: fileTally, method: 'POST', path: '/api/improvements/import', body: damage(JSON.stringify(file) ?? ''), who, takes: 'new' });
      }),
      fuzzParameters(42),
    );
    await stillServing();
  }, fuzzTimeout(150));

  it('actions: create, change ideas from contributions, data points, session links and restores are taken or refused, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(actionInput, textDamage, auth, async ([action, body], damage, who) => {
        const now = await current();
        const text = (value: unknown) => damage(JSON.stringify(value) ?? '');
        if (action === 'create') return sendOnce({ tally: actionTally, method: 'POST', path: '/api/improvements', body: text(body), who, takes: 'new' });
        if (action === 'change-ideas') return sendOnce({ tally: actionTally, method: 'POST', path: `/api/improvements/${targetId}/change-ideas`, body: text(body), who, takes: 'revision' });
        if (action === 'points') return sendOnce({ tally: actionTally, method: 'POST', path: `/api/improvements/${targetId}/measures/m1/points`, body: text(body), who, takes: 'revision' });
        if (action === 'sessions') return sendOnce({ tally: actionTally, method: 'POST', path: `/api/improvements/${targetId}/sessions`, body: text(body), who, takes: 'revision-or-same' });
        const { revision, rev } = body as { revision: unknown; rev: number };
        return sendOnce({ tally: actionTally, method: 'POST', path: `/api/improvements/${targetId}/revisions/${rev}/restore`, body: text({ revision: revision === 'current' ? now.revision : revision }), who, takes: 'revision' });
      }),
      fuzzParameters(43),
    );
    await stillServing();
  }, fuzzTimeout(150));
});
