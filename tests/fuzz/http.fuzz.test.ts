/**
 * Fuzzing the HTTP API (issue #7, "Bad input, tried for real"): every endpoint of docs/host-api.md on
 * a real host process, with generated methods, paths (traversal, malformed escapes, very long),
 * Authorization and Accept-Language headers, and bodies (any JSON, wrong types, huge strings, deep
 * nesting, invalid UTF-8, random bytes).
 *
 * The host answers every request, in time, with a status below 500 (a documented 503/507 still as
 * JSON, and 501 only as `format-unavailable`), `{error, message}` with a known code for every 4xx,
 * never a stack trace and never the facilitator's token; and it keeps serving. A refused request
 * that could write (POST, PUT, DELETE …) stores nothing: the session and improvement lists (with
 * each improvement's revision) and the files of the data folder are the same before and after.
 * Bytes that are not HTTP at all end the connection without taking the host down.
 *
 * Covers the endpoints of issues #5 (improvements) and #6 (exports, imports, archives, handouts,
 * paper answers) too; their files are fuzzed in depth in improvements.fuzz.test.ts and
 * session-imports.fuzz.test.ts.
 */
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { METHODS } from 'node:http';
import { createConnection } from 'node:net';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/contracts/http';
import { ERROR_CODES } from '../../src/core/errors';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import { packOfKind } from '../../src/core/instruments/content-pack';
import type { ContentPack } from '../../src/core/instruments/content-pack';
import type { Improvement } from '../../src/core/improvement/model';
import { addStep } from '../../src/core/workshop/agenda';
import * as Y from 'yjs';
import { connectClient } from '../helpers/yjs-client';
import type { JoinResponse, SessionSummary, ShareResponse } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import { FuzzTally, fuzzTimeout, assertHealthy, fuzzParameters, hostState, httpCall, isAlive, nastyString, stopChildHost } from '../helpers/fuzz';
import type { HostState } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';

const BATCH = 50;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * 5xx the host documents (src/host/http/respond.ts): a session file that cannot be opened, a full
 * disk, and 501 `format-unavailable` (an export format this build cannot make).
 */
const DOCUMENTED_5XX = new Set([501, 503, 507]);
const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** Endpoints that answer with a file (docs/host-api.md): exports, archives, handouts. */
const FILE_ANSWERS = /^\/api\/(sessions\/[^/]+\/(export|archive|handouts\/[^/]+)|handouts\/[^/]+)$/;
const WRITING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The endpoints of docs/host-api.md; `:s` is a session id, `:i` an improvement id, `:x` any other path parameter. */
const ENDPOINTS: readonly (readonly [string, string])[] = [
  ['GET', '/api/health'],
  ['GET', '/api/me'],
  ['GET', '/api/network'],
  ['GET', '/api/sessions'],
  ['POST', '/api/sessions'],
  ['GET', '/api/sessions/:s'],
  ['DELETE', '/api/sessions/:s'],
  ['POST', '/api/sessions/:s/share'],
  ['GET', '/api/sessions/:s/share'],
  ['POST', '/api/sessions/:s/share/regenerate'],
  ['POST', '/api/sessions/:s/close'],
  ['GET', '/api/sessions/:s/participants'],
  ['DELETE', '/api/sessions/:s/participants/:x'],
  ['GET', '/api/sessions/:s/backups'],
  ['POST', '/api/sessions/:s/backups/:x/restore'],
  ['GET', '/api/join/info'],
  ['POST', '/api/join'],
  ['GET', '/api/templates'],
  ['GET', '/api/templates/:x'],
  ['POST', '/api/templates'],
  ['DELETE', '/api/templates/:x'],
  ['POST', '/api/sessions/:s/save-as-template'],
  ['POST', '/api/sessions/:s/private-notes'],
  ['POST', '/api/sessions/:s/steps/:x/reveal'],
  ['POST', '/api/sessions/:s/notes/:x/hide'],
  ['POST', '/api/sessions/:s/notes/:x/restore'],
  // Instruments (issue #4)
  ['GET', '/api/content-packs'],
  ['GET', '/api/content-packs/:x'],
  ['POST', '/api/sessions/:s/answers'],
  ['GET', '/api/sessions/:s/answers/:x'],
  ['POST', '/api/sessions/:s/steps/:x/results'],
  ['POST', '/api/partnership-matrix/compare'],
  // Improvements (issue #5)
  ['GET', '/api/improvements'],
  ['POST', '/api/improvements'],
  ['POST', '/api/improvements/import'],
  ['GET', '/api/improvements/:i'],
  ['PUT', '/api/improvements/:i'],
  ['DELETE', '/api/improvements/:i'],
  ['POST', '/api/improvements/:i/change-ideas'],
  ['POST', '/api/improvements/:i/measures/:x/points'],
  ['POST', '/api/improvements/:i/sessions'],
  ['GET', '/api/improvements/:i/export'],
  ['GET', '/api/improvements/:i/revisions'],
  ['POST', '/api/improvements/:i/revisions/:x/restore'],
  ['GET', '/api/sessions/:s/improvements'],
  // Exports and imports (issue #6)
  ['GET', '/api/sessions/:s/export'],
  ['GET', '/api/sessions/:s/export/check'],
  ['GET', '/api/sessions/:s/archive'],
  ['POST', '/api/sessions/import'],
  ['POST', '/api/sessions/import-archive'],
  // Handouts and paper answers (issue #6)
  ['GET', '/api/sessions/:s/handouts/:x'],
  ['GET', '/api/handouts/:x'],
  ['POST', '/api/sessions/:s/paper-answers'],
];

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}
type Outcome = { readonly end: 'answer'; readonly answer: Answer } | { readonly end: 'reset'; readonly error: string } | { readonly end: 'unsendable'; readonly error: string };

interface Input {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

const tally = new FuzzTally('http');
/** The endpoints of issues #5 and #6 on their own, so their count can be reported. */
const newTally = new FuzzTally('http-issues-5-6');
let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let port: number;
let sessions: SessionSummary[] = [];
let participant: JoinResponse;
/** A participant of a session the generated requests never name (they may delete or close the others). */
let ownParticipant: JoinResponse;
let share: ShareResponse;
let sinceCheck = 0;
/** Improvements the requests work on (re-created when a generated DELETE took them). */
let improvements: Improvement[] = [];
/** Step ids of sessions[0]: seven questions and a reflection (with handouts) and a note board. */
let stepIds: string[] = [];

function send(input: Input): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let req;
    try {
      // A body always has its length: Node's client would send a GET body unframed, which is not HTTP.
      const headers = input.body ? { ...input.headers, 'Content-Length': String(input.body.length) } : input.headers;
      req = request({ host: '127.0.0.1', port, method: input.method, path: input.path, headers, agent: false });
    } catch (error) {
      // Node's client refuses some inputs itself (e.g. a path with raw control characters).
      resolve({ end: 'unsendable', error: String(error) });
      return;
    }
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms to ${input.method} ${input.path.slice(0, 200)}`));
    }, REQUEST_TIMEOUT_MS);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ end: 'answer', answer: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) } });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        resolve({ end: 'reset', error: String(error) });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve({ end: 'reset', error: String(error) });
    });
    if (input.body) req.write(input.body);
    req.end();
  });
}

/** Checks one answer against the promises in the file header. */
function judge(input: Input, outcome: Outcome): void {
  if (outcome.end === 'unsendable') return;
  const what = `${input.method} ${input.path.slice(0, 300)}`;
  if (outcome.end === 'reset') {
    // Only what Node's HTTP parser refuses ends the connection without an answer (the host's
    // listeners destroy such sockets: src/host/server/listeners.ts): an unknown method, a request
    // head over Node's 16 KB limit, CONNECT (no tunnels here); and an oversized body (see below).
    if (!refusedByParser(input)) throw new Error(`${what}: connection ended without an answer: ${outcome.error}`);
    tally.note('reset-by-parser');
    return;
  }
  const { status, headers, body } = outcome.answer;
  const text = body.toString('utf8');
  expect(text, `${what}: a stack trace in the answer`).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|node:internal|\/src\/host\//);
  expect(text.includes(host.ready.facilitatorToken), `${what}: the facilitator token in the answer`).toBe(false);
  const isApi = new URL(`http://h${input.path}`).pathname.startsWith('/api/');
  const isJson = String(headers['content-type'] ?? '').startsWith('application/json');
  if (status >= 500) {
    if (!DOCUMENTED_5XX.has(status)) throw new Error(`${what}: answered ${status} ${text.slice(0, 500)}`);
    if (isApi) expect(isJson, `${what}: a ${status} that is not JSON`).toBe(true);
    if (status === 501) expect(text, `${what}: a 501 that is not format-unavailable`).toMatch(/"error":"format-unavailable"/);
  }
  const pathname = new URL(`http://h${input.path}`).pathname;
  if (status < 300 && FILE_ANSWERS.test(pathname)) {
    // A file to save (a report, a data file, an archive, a handout): named, and never an HTML page.
    expect(String(headers['content-disposition'] ?? ''), `${what}: a file answer without a name`).toMatch(/^attachment; filename=/);
    expect(String(headers['content-type'] ?? ''), `${what}: a file answer as a page`).not.toMatch(/html/);
    tally.note('file-answers');
    return;
  }
  if (status === 204) {
    expect(body.length, `${what}: a 204 with a body`).toBe(0);
    return;
  }
  if (isApi || (status >= 400 && status < 500)) {
    if (input.method === 'HEAD') return;
    expect(isJson, `${what}: ${status} answered with ${String(headers['content-type'])}`).toBe(true);
    const parsed: unknown = JSON.parse(text);
    if (status >= 400) {
      const error = ErrorBodySchema.safeParse(parsed);
      if (!error.success) throw new Error(`${what}: ${status} without {error, message}: ${text.slice(0, 300)}`);
      expect(error.data.message.length).toBeGreaterThan(0);
      expect(KNOWN_CODES.has(error.data.error), `${what}: unknown error code ${error.data.error}`).toBe(true);
    }
  } else {
    // The UI's static files: nothing from outside the built renderer.
    expect(text, `${what}: a file from outside the renderer`).not.toMatch(/"name": "samskapa"|facilitatorToken|BEGIN .*PRIVATE KEY|root:x:0:0/);
  }
}

function refusedByParser(input: Input): boolean {
  const head = input.method.length + input.path.length + Object.entries(input.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  // A body past the 64 KB JSON limit is answered 413 unread and the connection closes; a client still
  // sending can see the reset first.
  const oversized = (input.body?.length ?? 0) > 64 * 1024;
  return !METHODS.includes(input.method) || input.method === 'CONNECT' || head > 16 * 1024 - 512 || oversized;
}

async function fuzzOnce(input: Input, counts: FuzzTally = tally): Promise<void> {
  await counts.run(1, async () => {
    const writing = WRITING_METHODS.has(input.method.toUpperCase());
    const before = writing ? await hostState(host, dir.path) : null;
    const outcome = await send(input);
    counts.note(outcome.end === 'answer' ? `status-${outcome.answer.status}` : outcome.end);
    judge(input, outcome);
    if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-4000)}`);
    if (before && (outcome.end !== 'answer' || outcome.answer.status >= 400)) {
      await expectUnchanged(before, `${input.method} ${input.path.slice(0, 200)} (refused)`);
      counts.note('refused-writes-checked');
    }
    if (++sinceCheck >= BATCH) await stillServing();
  });
}

/**
 * Nothing stored by a refused request. A reset (an oversized body cut off) may still be finishing
 * on the host's side, so the state is read again for a moment before it counts as changed.
 */
async function expectUnchanged(before: HostState, what: string): Promise<void> {
  let after = await hostState(host, dir.path);
  for (let i = 0; i < 10 && JSON.stringify(after) !== JSON.stringify(before); i++) {
    await new Promise((r) => setTimeout(r, 50));
    after = await hostState(host, dir.path);
  }
  expect(after, `${what}: a refused request changed what is stored`).toEqual(before);
}

/** After a batch: alive, healthy, and the facilitator's everyday requests still work. */
async function stillServing(): Promise<void> {
  sinceCheck = 0;
  await assertHealthy(host);
  await keepImprovements();
  const call = (m: string, path: string, body?: string) =>
    httpCall(host.ready.url, m, path, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}`, 'Content-Type': 'application/json' }, body });
  const list = await call('GET', '/api/sessions');
  expect(list.status).toBe(200);
  expect(Array.isArray(JSON.parse(list.text))).toBe(true);
  const templates = await call('GET', '/api/templates');
  expect(templates.status).toBe(200);
  expect(Array.isArray(JSON.parse(templates.text))).toBe(true);
  const created = await call('POST', '/api/sessions', JSON.stringify({ title: `Kontroll ${Date.now()}` }));
  expect(created.status, created.text).toBe(201);
  const s = JSON.parse(created.text) as { id: string };
  expect(JSON.parse((await call('GET', `/api/sessions/${s.id}`)).text)).toMatchObject({ id: s.id });
  expect((await call('DELETE', `/api/sessions/${s.id}`)).status).toBe(200);
  expect(host.stderr.join('')).not.toMatch(/request failed|TypeError|RangeError|URIError/);
  tally.note('still-serving-checks');
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates too). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

const RAW_PARAMS = ['%ff', '%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '..', '.', '%2e%2e', '%2F..%2F..%2Fetc%2Fpasswd', '..%5C..%5Chost-secret.json'];

/** A path parameter: a real id most of the time (so handlers run), or anything. */
const param = (kind: 's' | 'i' | 'x'): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: kind === 's' ? 6 : 1, arbitrary: fc.constant(null).map(() => sessions[0]!.id) },
    { weight: kind === 's' ? 2 : 0, arbitrary: fc.nat().map((i) => sessions[i % sessions.length]!.id) },
    { weight: kind === 'i' ? 8 : 0, arbitrary: fc.nat().map((i) => improvements[i % improvements.length]?.id ?? 'none') },
    { weight: kind === 'x' ? 3 : 0, arbitrary: fc.nat().map((i) => realParams()[i % realParams().length]!) },
    { weight: 2, arbitrary: nastyString(40).map(percentEncode) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_PARAMS) },
    { weight: 1, arbitrary: fc.constantFrom('co-design-2h-sv', 'follow-up-60-en', 'saved-x', 'step-1', 'note-1', participant?.participantId ?? 'p', '0', '1', '999999999', '-1', '1e3', 'reflections', 'seven-questions', 'dialogue-cloths') },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 12_000 }).map((n) => 'a'.repeat(n)) }, // with two of them, past Node's 16 KB head limit
  );

/** Real ids for `:x`: the session's steps, the improvements' measures, revisions, content packs. */
function realParams(): string[] {
  const measures = improvements.flatMap((i) => i.measures.map((m) => m.id));
  const revisions = improvements.flatMap((i) => [String(i.revision), String(Math.max(0, i.revision - 1))]);
  return [...stepIds, ...measures, ...revisions, 'reflections', 'seven-questions', 'dialogue-cloths'];
}

const pathOf = (endpoints: readonly (readonly [string, string])[]) =>
  fc.constantFrom(...endpoints).chain(([method, template]) => {
    const parts = template.split('/');
    return fc.tuple(fc.constant(method), fc.tuple(...parts.map((p) => (p === ':s' ? param('s') : p === ':i' ? param('i') : p === ':x' ? param('x') : fc.constant(p))))).map(([m, ps]) => [m, ps.join('/')] as const);
  });
const endpointPath = pathOf(ENDPOINTS);

/** The endpoints of issues #5 and #6 (improvements, exports, imports, archives, handouts, paper answers). */
const NEW_ENDPOINTS = ENDPOINTS.filter(([, p]) => /improvements|export|import|archive|handouts|paper-answers/.test(p));

const query = fc.oneof(
  fc.constant(''),
  fc.constant(null).map(() => `?code=${share?.joinCode ?? ''}`),
  fc.constant(null).map(() => `?secret=${share?.joinSecret ?? ''}`),
  fc.tuple(fc.constantFrom('code', 'secret', 'token', 'x', ''), nastyString(30)).map(([k, v]) => `?${k}=${percentEncode(v)}`),
  fc.constantFrom('?code=%ff', '?secret=', '?code=000000&code=111111', `?${'a=1&'.repeat(500)}`),
  // Exports and handouts: their own parameters, right and wrong.
  fc
    .record(
      {
        format: fc.oneof(fc.constantFrom('json', 'md', 'csv', 'docx', 'pdf', 'archive', 'JSON', 'xlsx', ''), nastyString(12)),
        lang: fc.oneof(fc.constantFrom('sv', 'en', 'de', 'SV', ''), nastyString(8)),
        kind: fc.oneof(fc.constantFrom('notes', 'votes', 'answers', 'datapoints', 'x', '__proto__'), nastyString(8)),
        separator: fc.oneof(fc.constantFrom('semicolon', 'comma', ';', 'tab'), nastyString(8)),
        scrub: fc.oneof(fc.constantFrom('mask', 'none', 'true', ''), nastyString(8)),
        form: fc.oneof(fc.constantFrom('du', 'ni', 'de', ''), nastyString(8)),
      },
      { requiredKeys: [] },
    )
    .map((q) => `?${Object.entries(q).map(([k, v]) => `${k}=${percentEncode(v)}`).join('&')}`),
  fc.constantFrom('?format=md&lang=en', '?format=csv&kind=votes&separator=comma', '?format=json&scrub=mask', '?format=md&format=pdf', '?format=%ff', '?lang=%E0%A4%A', '?form=ni&lang=en'),
);

const anyPath = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(endpointPath, query).map(([[m, p], q]) => [m, `${p}${q}`] as const) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('GET', 'POST', 'DELETE'), fc.array(fc.oneof(nastyString(20).map(percentEncode), fc.constantFrom(...RAW_PARAMS, 'api', 'sync', 'assets', 'index.html')), { maxLength: 8 }))
      .map(([m, segments]) => [m, `/${segments.join('/')}`] as const),
  },
  { weight: 1, arbitrary: fc.constantFrom('/', '/api', '/api/', '//api/health', '/api//sessions', '/api/health/', '/index.html', '/assets/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/api/health?' + 'x'.repeat(8000)).map((p) => ['GET', p] as const) },
);

const method = (natural: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(natural) },
    { weight: 3, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE') },
    { weight: 1, arbitrary: fc.constantFrom('FOO', 'PROPFIND', 'CONNECT', 'get', 'M-SEARCH') },
  );

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(null).map(() => `Bearer ${host.ready.facilitatorToken}`),
  fc.constant(null).map(() => `Bearer ${host.ready.facilitatorToken}`),
  fc.constant(null).map(() => `Bearer ${participant.token}`),
  fc.constant(null).map(() => `bearer ${host.ready.facilitatorToken}`),
  fc.constant(null).map(() => `Bearer  ${host.ready.facilitatorToken} `),
  fc.constant(null).map(() => `Bearer ${host.ready.facilitatorToken.slice(0, -1)}`),
  fc.constant(null).map(() => `Basic ${Buffer.from(`x:${host.ready.facilitatorToken}`).toString('base64')}`),
  fc.constantFrom('Bearer', 'Bearer ', `Bearer f.${'x'.repeat(43)}`, `Bearer p.${'x'.repeat(43)}`, `Bearer ${'x'.repeat(6000)}`),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
);

const acceptLanguage = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('sv', 'en', 'en-US,en;q=0.9', 'sv-SE;q=0.1, en;q=1', '*', 'de', 'en;q=abc', ',,,;;;', 'x'.repeat(3000)),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
);

const contentType = fc.oneof(fc.constant('application/json'), fc.constantFrom(undefined, 'text/plain', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/vnd.sqlite3'));

/** Bodies shaped like what each endpoint reads, with wrong types and sizes mixed in. */
const wrongTyped = fc.record(
  {
    title: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()), fc.constant('   '), fc.constant('x'.repeat(500))),
    template: fc.oneof(fc.string(), fc.integer(), fc.constantFrom('co-design-2h-sv', '../../etc/passwd', '__proto__')),
    address: fc.oneof(fc.constantFrom('127.0.0.1', '127.0.0.2', '127.255.255.254', '0.0.0.0', '::', '::1', 'localhost', '8.8.8.8', '', '1.2.3.4.5', '[::1]'), fc.integer(), fc.string()),
    code: fc.oneof(fc.constant(null).map(() => share.joinCode), fc.string({ maxLength: 25 }), fc.integer()),
    secret: fc.oneof(fc.constant(null).map(() => share.joinSecret), fc.string({ maxLength: 250 }), fc.constant(null)),
    name: fc.oneof(nastyString(80), fc.integer(), fc.constant({ first: 'x' })),
    role: fc.oneof(fc.constantFrom('patient', 'relative', 'staff', 'facilitator', 'admin', ''), fc.integer()),
    anonymous: fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1, null)),
    stepId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
    text: fc.oneof(nastyString(100), fc.constant('å'.repeat(5000)), fc.integer()),
    lang: fc.oneof(fc.constantFrom('sv', 'en', 'de', ''), fc.integer()),
    description: fc.oneof(fc.string(), fc.constant('x'.repeat(3000))),
    questionId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constantFrom('q1', 'parity:age', 'today:home:plan')),
    side: fc.oneof(fc.constantFrom('patient', 'staff', 'other', ''), fc.integer()),
    answers: fc.oneof(
      fc.dictionary(fc.constantFrom('q1', 'q2', 'q7', 'q99', '__proto__', ''), fc.oneof(fc.constantFrom('ja', 'delvis', 'nej', 'vet-inte', 'kanske'), fc.integer())),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    from: fc.oneof(
      fc.record({ sessionId: fc.oneof(fc.constant(null).map(() => sessions[0]!.id), fc.string()), stepId: fc.string({ maxLength: 50 }), groupId: fc.option(fc.string({ maxLength: 50 })) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    to: fc.oneof(
      fc.record({ sessionId: fc.oneof(fc.constant(null).map(() => sessions[1]!.id), fc.string()), stepId: fc.string({ maxLength: 50 }) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    // Improvements (issue #5)
    revision: fc.oneof(fc.constant(null).map(() => improvements[0]?.revision ?? 0), fc.integer({ min: -2, max: 1000 }), fc.constantFrom('1', 1.5, null, 1e308)),
    improvement: fc.oneof(
      fc.constant(null).map(() => improvements[0]),
      fc.tuple(fc.constantFrom('title', 'id', 'format', 'revision', 'measures', 'changeIdeas', 'cycles', 'sessions', 'aim', '__proto__'), wrongJson()).map(([k, v]) => ({ ...improvements[0], [k]: v })),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    aim: fc.oneof(nastyString(80), fc.constant('x'.repeat(5000)), fc.integer()),
    sessionId: fc.oneof(fc.constant(null).map(() => sessions[0]!.id), fc.constant(null), nastyString(50), fc.integer()),
    points: fc.oneof(
      fc.array(
        fc.record({ date: fc.oneof(fc.constantFrom('2026-01-31', '2026-02-30', '2026-13-01', '', '2026-1-1'), fc.string({ maxLength: 12 })), value: fc.oneof(fc.double(), fc.integer(), fc.string()), note: fc.oneof(nastyString(30), fc.integer()) }, { requiredKeys: [] }),
        { maxLength: 5 },
      ),
      fc.integer({ min: 1000, max: 1010 }).map((n) => Array.from({ length: n }, () => ({ date: '2026-01-01', value: 1 }))),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    kind: fc.oneof(fc.constantFrom('note', 'cloth-insight', 'gap', 'seven-questions', 'reflection', '', 'x'), fc.integer()),
    refId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
    changeIdeaId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constant(null)),
    groupId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
    // Session exports and improvement files (issue #6)
    format: fc.oneof(fc.constantFrom('samskapa-session', 'samskapa-improvement', 'samskapa-template', 1), nastyString(20)),
    version: fc.oneof(fc.constantFrom(1, 2, 0, -1, 1.5, '1', null, 1e308), fc.integer()),
    session: fc.oneof(fc.record({ id: nastyString(50), title: nastyString(250), createdAt: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })),
    documents: fc.oneof(
      fc.record({ control: fc.jsonValue({ maxDepth: 3 }), board: fc.record({ maps: fc.jsonValue({ maxDepth: 2 }), arrays: fc.jsonValue({ maxDepth: 2 }) }), vault: fc.constant({ maps: {}, arrays: {} }) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    participants: fc.oneof(fc.array(fc.record({ ref: fc.oneof(fc.constantFrom('p1', 'p0', 'x'), fc.string()), role: fc.constantFrom('patient', 'staff', 'x'), anonymous: fc.boolean(), joinedAt: fc.integer(), removedAt: fc.constant(null) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    __proto__: fc.constant({ polluted: true }),
  },
  { requiredKeys: [] },
);

function wrongJson(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(null, true, 0, -1, 1.5, '', 'x'.repeat(3000), [], {}, '\u0000'), fc.jsonValue({ maxDepth: 2 }));
}

const jsonBody = fc.oneof(
  { weight: 4, arbitrary: wrongTyped.map((v) => Buffer.from(JSON.stringify(v))) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }).map((v) => Buffer.from(safeStringify(v))) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 300_000 }).map((n) => Buffer.from(JSON.stringify({ title: 'x'.repeat(n) }))) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 20_000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((n) => Buffer.from(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  // Invalid UTF-8 inside an otherwise valid JSON string.
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 20 }).map((b) => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, ...b, 0xc0, 0x80]), Buffer.from('"}')])) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '{}', '[]', '"x"', '{"title":"\\ud800"}', '{"title":"a","title":"b"}', '{"__proto__":{"admin":true},"title":"x"}', '\ufeff{"title":"bom"}').map((s) => Buffer.from(s)) },
);

const inputArb: fc.Arbitrary<Input> = requests(anyPath, authorization);

/**
 * The new endpoints with the facilitator's token most of the time (so the handlers run past the
 * token check), a participant's or none at all otherwise.
 */
const newEndpointInput: fc.Arbitrary<Input> = requests(
  fc.tuple(pathOf(NEW_ENDPOINTS), query).map(([[m, p], q]) => [m, `${p}${q}`] as const),
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).map(() => `Bearer ${host.ready.facilitatorToken}`) },
    { weight: 2, arbitrary: fc.constant(null).map(() => `Bearer ${participant.token}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: authorization },
  ),
);

function requests(paths: fc.Arbitrary<readonly [string, string]>, auths: fc.Arbitrary<string | undefined>): fc.Arbitrary<Input> {
  return fc
  .tuple(paths, auths, acceptLanguage, contentType, fc.option(jsonBody, { freq: 4 }))
  .chain(([[natural, path], auth, lang, type, body]) =>
    method(natural).map((m) => {
      const headers: Record<string, string> = {};
      if (auth !== undefined) headers.Authorization = auth;
      if (lang !== undefined) headers['Accept-Language'] = lang;
      if (type !== undefined && body) headers['Content-Type'] = type;
      return { method: m, path, headers, body: body ?? undefined, [fc.toStringMethod]: () => `${m} ${path.slice(0, 120)}${path.length > 120 ? '…' : ''} auth=${(auth ?? '-').slice(0, 30)} lang=${(lang ?? '-').slice(0, 20)} body=${body ? `${body.length} B ${body.subarray(0, 60).toString('latin1')}` : '-'}` } as Input;
    }),
  );
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return '{}';
  }
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: the HTTP API', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-http-');
    host = await startChildHost({ dataDir: dir.path });
    port = Number(new URL(host.ready.url).port);
    const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    sessions = [await api.createSession('Fuzz A'), await api.createSession('Fuzz B'), await api.createSession('Fuzz C')];
    share = await api.share(sessions[0]!.id);
    participant = await new ApiClient(host.ready.url).join(share.joinCode, 'Anna', 'patient');
    const own = await api.createSession('Fuzz P');
    const ownShare = await api.share(own.id);
    ownParticipant = await new ApiClient(host.ready.url).join(ownShare.joinCode, 'Bo', 'staff');
    // Steps with handouts and paper answers in the first session, so those handlers run for real.
    const control = connectClient(host.ready.url, sessions[0]!.id, 'control', host.ready.facilitatorToken, new Y.Doc());
    try {
      await control.whenSynced();
      const reflections = packOfKind(await api.json<ContentPack>('GET', '/api/content-packs/reflections'), 'reflections')!;
      stepIds = [
        addStep(control.doc, { type: 'seven-questions', title: 'Sju frågor', minutes: 10 }).id,
        addStep(control.doc, { type: 'reflection', title: 'Reflektion', minutes: 10, config: reflectionConfigFromPack(reflections, ['s1', 's3'], 'du', 'sv', true)! }).id,
        addStep(control.doc, { type: 'note-board', title: 'Fritt', minutes: 5 }).id,
      ];
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      control.destroy();
    }
    const handout = await httpCall(host.ready.url, 'GET', `/api/sessions/${sessions[0]!.id}/handouts/${stepIds[0]}`, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` } });
    expect(handout.status, 'the seven questions step has a handout').toBe(200);
    await keepImprovements();
  });

  afterAll(async () => {
    console.log(tally.line());
    console.log(newTally.line());
    if (host) {
      const alive = isAlive(host);
      const code = await stopChildHost(host);
      if (!alive) console.log(`host had ended (${code}): ${host.stderr.join('').slice(-4000)}`);
    }
    dir?.remove();
  }, fuzzTimeout(30));

  it('answers every generated request in time, below 500, with {error, message} for every 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => fuzzOnce(input)),
      fuzzParameters(11, FUZZ_RUNS_HTTP()),
    );
    await stillServing();
  }, fuzzTimeout(30));

  it('the endpoints of issues #5 and #6 (improvements, exports, imports, archives, handouts, paper answers): facilitator, participant and no token', async () => {
    await fc.assert(
      fc.asyncProperty(newEndpointInput, async (input) => fuzzOnce(input, newTally)),
      fuzzParameters(14, FUZZ_RUNS_HTTP()),
    );
    await stillServing();
  }, fuzzTimeout(60));

  it('a participant token on every endpoint: never more than the participant may do', async () => {
    await fc.assert(
      fc.asyncProperty(endpointPath, fc.option(jsonBody, { freq: 2 }), async ([m, path], body) => {
        const own = path.replace(sessions[0]!.id, ownParticipant.sessionId);
        const input: Input = { method: m, path: own, headers: { Authorization: `Bearer ${ownParticipant.token}`, 'Content-Type': 'application/json' }, body: body ?? undefined };
        await tally.run(1, async () => {
          const outcome = await send(input);
          tally.note(outcome.end === 'answer' ? `participant-status-${outcome.answer.status}` : `participant-${outcome.end}`);
          judge(input, outcome);
          if (outcome.end !== 'answer') return;
          const open = ['/api/health', '/api/me', '/api/join', '/api/join/info', '/api/content-packs'].includes(own) || /\/(private-notes|answers(\/[^/]+)?)$|^\/api\/content-packs\//.test(own);
          if (!open) expect(outcome.answer.status, `${m} ${own} with a participant token`).toBeGreaterThanOrEqual(400);
          expect(outcome.answer.status, 'the participant token stays valid').not.toBe(401);
        });
      }),
      fuzzParameters(12),
    );
    await stillServing();
  }, fuzzTimeout(30));

  it('bytes that are not HTTP end the connection in time and the host keeps serving', async () => {
    const garbage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 2048 }),
      fc.tuple(fc.constantFrom('GET', 'POST', 'FOO', 'GET /api/health HTTP/1.1', 'POST /api/sessions HTTP/1.1'), fc.uint8Array({ maxLength: 256 })).map(([start, rest]) => Buffer.concat([Buffer.from(`${start} `), Buffer.from(rest)])),
      fc.constantFrom(
        'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
        'POST /api/sessions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
        'POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n{}',
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX: ${'y'.repeat(70_000)}\r\n\r\n`,
        'GET /api/health HTTP/9.9\r\n\r\n',
        'GET /api/health\r\n\r\n',
        '\r\n\r\n\r\n',
      ).map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        await tally.run(1, async () => {
          const ended = await new Promise<string>((resolve, reject) => {
            const socket = createConnection({ host: '127.0.0.1', port });
            const timer = setTimeout(() => {
              socket.destroy();
              reject(new Error(`the connection stayed open ${REQUEST_TIMEOUT_MS} ms after garbage: ${Buffer.from(bytes).subarray(0, 80).toString('latin1')}`));
            }, REQUEST_TIMEOUT_MS);
            let answer = '';
            socket.on('data', (d: Buffer) => {
              answer += d.toString('latin1');
              // A complete answer (the garbage held a valid request) is enough: we close.
              if (/\r\n\r\n/.test(answer) && /Content-Length: (\d+)/i.test(answer)) socket.end();
            });
            socket.on('error', () => {});
            socket.on('close', () => {
              clearTimeout(timer);
              resolve(answer.split('\r\n')[0] ?? '');
            });
            socket.write(bytes);
            // Half-close: a request waiting for more body bytes ends now.
            socket.end();
          });
          tally.note(ended ? `raw-${ended.slice(9, 12) || 'answer'}` : 'raw-closed');
          expect(ended).not.toMatch(/^HTTP\/1\.1 5(?!03|07)/);
          if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-4000)}`);
          if (++sinceCheck >= BATCH) await stillServing();
        });
      }),
      fuzzParameters(13, Math.max(20, Math.ceil(FUZZ_RUNS_HTTP() / 5))),
    );
    await stillServing();
  }, fuzzTimeout(30));
});

/**
 * Two improvements to work on, one linked to the first session with a measure: made again when the
 * generated requests deleted them, and read again (their revisions move with accepted saves).
 */
async function keepImprovements(): Promise<void> {
  const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
  const list = await api.json<{ id: string; status: string }[]>('GET', '/api/improvements');
  const ok = list.filter((i) => i.status === 'ok');
  for (let i = ok.length; i < 2; i++) {
    const made = await api.json<Improvement>('POST', '/api/improvements', { title: `Förbättring ${i + 1}`, aim: 'Kortare väntetid' }, 201);
    // Linked to the first session while the generated requests have not deleted it.
    await api.request('POST', `/api/improvements/${made.id}/sessions`, { sessionId: sessions[0]!.id });
    made.revision = (await api.json<Improvement>('GET', `/api/improvements/${made.id}`)).revision;
    const withMeasure = {
      ...made,
      measures: [{ id: 'm1', name: 'Väntetid', kind: 'outcome', definition: 'Dagar', unit: 'dagar', direction: 'down', baselinePoints: null, points: [{ id: 'pt1', date: '2026-01-05', value: 4 }] }],
    };
    await api.json('PUT', `/api/improvements/${made.id}`, { revision: made.revision, improvement: withMeasure });
    ok.push({ id: made.id, status: 'ok' });
  }
  improvements = await Promise.all(ok.slice(0, 4).map((i) => api.json<Improvement>('GET', `/api/improvements/${i.id}`)));
}

/** Each HTTP input is one cheap request: twice the runs of a WebSocket property. */
function FUZZ_RUNS_HTTP(): number {
  return fuzzParameters(0).numRuns! * 2;
}
