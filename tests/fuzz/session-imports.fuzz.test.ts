/**
 * Fuzzing the session imports of issue #6 (issue #7, "Bad input, tried for real"): on a real host
 * process, a real workshop (the co-design template, three people, one anonymous, notes, a group of
 * notes, a vote, groups of people, the seven questions answered on phones and on paper, an
 * improvement with data points) is exported, and its two files are mutated:
 *
 * - the JSON export (`POST /api/sessions/import`): fields dropped, wrong versions and formats, wrong
 *   types, giant strings and arrays, `__proto__`/`constructor`/`prototype` keys, deep nesting, and
 *   damaged text (cut, invalid UTF-8, a BOM, random bytes);
 * - the archive (`POST /api/sessions/import-archive`): cut at random offsets, bytes flipped in the
 *   header and in the pages, another application's SQLite file, a higher schema version, zero bytes,
 *   a text file, random bytes.
 *
 * Each file is refused with a clear error (`invalid-session-export`, `invalid-archive`,
 * `session-too-new` with `details` naming the problem, 400 for an empty body, 413 past the limit)
 * and then nothing is stored: the session and improvement lists and the data folder's files are as
 * before. Or it is taken (201): the new session opens, exports again (JSON, Markdown, CSV, the
 * personal-data check), and its file passes
 * `integrity_check` with every stored update applying. Either way the existing sessions keep their
 * content (their JSON exports, read again after each batch) and the host keeps serving.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SessionExportSchema } from '../../src/contracts/exports';
import type { SessionExport } from '../../src/contracts/exports';
import { ErrorBodySchema, SessionSummarySchema } from '../../src/contracts/http';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import type { Improvement } from '../../src/core/improvement/model';
import { selectAgenda } from '../../src/core/workshop/agenda';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { addCluster, placeNote } from '../../src/core/workshop/clusters';
import { addStep } from '../../src/core/workshop/agenda';
import { setGroups } from '../../src/core/workshop/groups';
import { goToStep } from '../../src/core/workshop/run-state';
import { castVote } from '../../src/core/workshop/votes';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/host/persistence/migrations';
import { ARCHIVE_MAX_BYTES } from '../../src/host/exports/session-archive';
import { SESSION_EXPORT_MAX_DEPTH } from '../../src/host/exports/session-json';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import { FuzzTally, assertHealthy, checkSessionFile, fuzzParameters, fuzzTimeout, hostState, httpCall, isAlive, nastyString, stopChildHost } from '../helpers/fuzz';
import type { HostState } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';
import { sleep, waitFor } from '../helpers/wait';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';

const BATCH = 25;
/** The JSON export's upload limit (src/host/http/export-routes.ts). */
const JSON_LIMIT_BYTES = 64 * 1024 * 1024;
/** Taken sessions are deleted again after their checks, so the folder stays small on long runs. */
const jsonTally = new FuzzTally('session-json-import');
const archiveTally = new FuzzTally('session-archive-import');

let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let api: ApiClient;
let workshop: SessionSummary;
let other: SessionSummary;
let seedJson: SessionExport;
let seedArchive: Buffer;
let foreignSqlite: Buffer;
/** What the existing sessions hold (their JSON exports but for the time of export and the improvements' links). */
let existingContent: Record<string, string>;
let sinceCheck = 0;

// ---------------------------------------------------------------------------------------------
// The workshop the seeds come from
// ---------------------------------------------------------------------------------------------

async function buildWorkshop(): Promise<void> {
  workshop = await api.json<SessionSummary>('POST', '/api/sessions', { title: 'Trygg vård på Älvängens vårdcentral', template: 'co-design-2h-sv' }, 201);
  other = await api.createSession('En annan session');
  const { joinCode } = await api.share(workshop.id);
  const join = (name: string | undefined, role: JoinResponse['role'], anonymous = false) => new ApiClient(host.ready.url).join(joinCode, name, role, anonymous);
  const people = { anna: await join('Anna Öberg', 'patient'), bo: await join('Bo Ek', 'staff'), secret: await join('Hemlig', 'relative', true) };
  const clients: YClient[] = [];
  const connect = (doc: 'control' | 'board', token: string) => {
    const c = connectClient(host.ready.url, workshop.id, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  try {
    const control = connect('control', host.ready.facilitatorToken);
    const facBoard = connect('board', host.ready.facilitatorToken);
    const boards = { anna: connect('board', people.anna.token), bo: connect('board', people.bo.token), secret: connect('board', people.secret.token) };
    await Promise.all(clients.map((c) => c.whenSynced()));
    const agenda = selectAgenda(control.doc);
    const board = agenda.find((s) => s.type === 'note-board')!;
    goToStep(control.doc, board.id);
    await sleep(150);
    const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });
    const a1 = addNote(boards.anna.doc, 'Att få träffa samma läkare – kontinuitet är trygghet.', author(people.anna), Date.now(), { stepId: board.id });
    addNote(boards.bo.doc, 'Semikolon; "citat" och\nny rad', author(people.bo), Date.now(), { stepId: board.id });
    const s1 = addNote(boards.secret.doc, 'Kortare väntetid i telefonkön.', author(people.secret), Date.now(), { stepId: board.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 3, 'three notes on the board');
    const grouping = agenda.find((s) => s.type === 'grouping')!;
    goToStep(control.doc, grouping.id);
    placeNote(control.doc, grouping.id, a1!.id, addCluster(control.doc, grouping.id, 'Kontinuitet').id);
    const voting = agenda.find((s) => s.type === 'dot-voting')!;
    goToStep(control.doc, voting.id);
    await sleep(150);
    castVote(boards.anna.doc, voting.id, people.anna.pseudonym, s1!.id, { votesPerPerson: 3, allowStacking: false, sourceStepId: null });
    await waitFor(() => facBoard.doc.getMap('votes').size === 1, 'one vote');
    // Groups ("bord"), the seven questions answered on phones and on paper, so the seed holds them too.
    const ids = (await api.json<{ id: string; role: JoinResponse['role'] }[]>('GET', `/api/sessions/${workshop.id}/participants`)).map((p) => ({ id: p.id, role: p.role }));
    setGroups(control.doc, [ids.slice(0, 2), ids.slice(2)], (i) => `Bord ${i + 1}`);
    const seven = addStep(control.doc, { type: 'seven-questions', title: 'De sju frågorna', minutes: 10 });
    goToStep(control.doc, seven.id);
    await sleep(200);
    const yes = { q1: 'ja', q2: 'delvis', q3: 'nej', q4: 'vet-inte', q5: 'ja', q6: 'ja', q7: 'ja' };
    for (const p of [people.anna, people.bo, people.secret]) await new ApiClient(host.ready.url, p.token).json('POST', `/api/sessions/${workshop.id}/answers`, { stepId: seven.id, answers: yes });
    await api.json('POST', `/api/sessions/${workshop.id}/paper-answers`, { kind: 'seven-questions', stepId: seven.id, side: 'staff', answers: yes }, 201);
    await api.json('POST', `/api/sessions/${workshop.id}/steps/${seven.id}/results`);
    await sleep(200);
  } finally {
    for (const c of clients) c.destroy();
  }
  const created = await api.json<Improvement>('POST', '/api/improvements', { title: 'Kortare väntetid', aim: 'Hälften så lång väntetid.', sessionId: workshop.id }, 201);
  const measure = { id: 'm1', name: 'Väntetid', kind: 'outcome', definition: 'Median', unit: 'min', direction: 'down', baselinePoints: null, points: [{ id: 'p1', date: '2026-01-05', value: 12.5 }] };
  await api.json('PUT', `/api/improvements/${created.id}`, { revision: created.revision, improvement: { ...created, measures: [measure] } });
}

function call(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): ReturnType<typeof httpCall> {
  return httpCall(host.ready.url, method, path, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}`, 'Accept-Language': 'en', ...headers }, body, timeoutMs: 30_000 });
}

/** A session's content as its JSON export shows it, without what an import elsewhere may change. */
async function contentOf(id: string): Promise<string> {
  const res = await call('GET', `/api/sessions/${id}/export?format=json`);
  expect(res.status, `export of ${id}: ${res.text.slice(0, 300)}`).toBe(200);
  const data = SessionExportSchema.parse(JSON.parse(res.text));
  return JSON.stringify({ session: data.session, documents: data.documents, participants: data.participants, improvements: data.improvements.map((i) => i.id) });
}

// ---------------------------------------------------------------------------------------------
// Generators: mutations of the real JSON export
// ---------------------------------------------------------------------------------------------

type Json = unknown;
type Obj = Record<string, Json>;
type Mutation = (e: Obj) => void;

function nest(depth: number, leaf: Json = 'bunn'): Json {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, 1e308, -0, '', ' ', [], {}, '\u0000', '\ud800', 'x'.repeat(5000)),
  fc.jsonValue({ maxDepth: 2 }),
  nastyString(40),
  fc.integer({ min: 5, max: 400 }).map((n) => nest(n)),
);

/** Every object and array inside a value, with the key path to it (the root included). */
function containers(value: Json, path: string[] = [], out: { path: string[]; node: Obj | Json[] }[] = []): { path: string[]; node: Obj | Json[] }[] {
  if (value !== null && typeof value === 'object') {
    out.push({ path, node: value as Obj });
    for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out);
  }
  return out;
}

/** Whether a value is small enough to repeat thousands of times (not after a giant-string mutation). */
/** Generated values are shared between runs (fc.constant): each insertion gets its own copy. */
const fresh = (value: Json): Json => (value === undefined ? value : structuredClone(value));
const small = (value: Json): boolean => value !== undefined && (JSON.stringify(value)?.length ?? 0) < 20_000;
const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const jsonMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Drop any field anywhere.
  fc.nat().map((n): Mutation => (e) => {
    const c = pick(containers(e).filter((x) => !Array.isArray(x.node) && Object.keys(x.node).length), n);
    if (c) delete (c.node as Obj)[Object.keys(c.node)[n % Object.keys(c.node).length]!];
  }),
  // Replace any value anywhere by a wrong one.
  fc.tuple(fc.nat(), wrongValue).map(([n, v]): Mutation => (e) => {
    const c = pick(containers(e).filter((x) => Object.keys(x.node).length), n);
    if (!c) return;
    const keys = Object.keys(c.node);
    (c.node as Obj)[keys[n % keys.length]!] = fresh(v);
  }),
  // Wrong versions and formats.
  fc.constantFrom<Json>(2, 0, -1, 1.5, '1', null, 99, 1e308, Number.MAX_SAFE_INTEGER).map((v): Mutation => (e) => void (e.version = v)),
  fc.constantFrom<Json>('samskapa-improvement', 'samskapa-template', 'SAMSKAPA-SESSION', 'samskapa-session ', null, 1).map((v): Mutation => (e) => void (e.format = v)),
  // Prototype-pollution keys, at the top or anywhere, as own properties (as JSON.parse makes them).
  fc.tuple(fc.nat(), fc.constantFrom(...DANGEROUS_KEYS), fc.oneof(fc.constant<Json>({ polluted: true, maps: {}, arrays: {} }), wrongValue)).map(([n, key, v]): Mutation => (e) => {
    const c = pick(containers(e).filter((x) => !Array.isArray(x.node)), n);
    if (c) Object.defineProperty(c.node, key, { value: fresh(v), enumerable: true, writable: true, configurable: true });
  }),
  // A document type named like a prototype key.
  fc.tuple(fc.constantFrom('control', 'board', 'vault'), fc.constantFrom('maps', 'arrays'), fc.constantFrom(...DANGEROUS_KEYS)).map(([doc, kind, key]): Mutation => (e) => {
    const d = ((e.documents as Obj | undefined)?.[doc] as Obj | undefined)?.[kind];
    if (d && typeof d === 'object') Object.defineProperty(d, key, { value: kind === 'maps' ? { x: 1 } : [1], enumerable: true, writable: true, configurable: true });
  }),
  // Deep nesting inside a document (the schema's JSON values are recursive).
  fc.tuple(fc.constantFrom('control', 'board', 'vault'), fc.integer({ min: 50, max: 3000 })).map(([doc, depth]): Mutation => (e) => {
    const d = (e.documents as Obj | undefined)?.[doc] as Obj | undefined;
    if (d && typeof d.maps === 'object' && d.maps !== null) (d.maps as Obj).deep = { value: nest(depth) };
  }),
  // Giant strings: the title, a note, a name.
  fc.tuple(fc.constantFrom('title', 'id'), fc.integer({ min: 41, max: 100_000 })).map(([k, n]): Mutation => (e) => {
    if (e.session && typeof e.session === 'object') (e.session as Obj)[k] = 'å'.repeat(n);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1000, max: 2_000_000 })).map(([n, size]): Mutation => (e) => {
    const strings = containers(e).flatMap((c) => Object.entries(c.node).filter(([, v]) => typeof v === 'string').map(([k]) => ({ c, k })));
    const s = pick(strings, n);
    if (s) (s.c.node as Obj)[s.k] = 'ö'.repeat(size);
  }),
  // Huge arrays: many participants, many improvements, many map entries.
  fc.integer({ min: 100, max: 5000 }).map((n): Mutation => (e) => {
    if (Array.isArray(e.participants) && small(e.participants[0])) e.participants = Array.from({ length: n }, (_, i) => ({ ...(fresh((e.participants as Obj[])[0]) as Obj), ref: `p${i + 1}` }));
  }),
  fc.integer({ min: 999, max: 1002 }).map((n): Mutation => (e) => {
    if (Array.isArray(e.improvements) && small(e.improvements[0])) e.improvements = Array.from({ length: n }, () => fresh((e.improvements as Json[])[0]));
  }),
  fc.integer({ min: 100, max: 20_000 }).map((n): Mutation => (e) => {
    const board = (e.documents as Obj | undefined)?.board as Obj | undefined;
    if (board && board.arrays && typeof board.arrays === 'object') (board.arrays as Obj).many = Array.from({ length: n }, (_, i) => ({ i }));
  }),
  // Unknown fields.
  fc.tuple(nastyString(20), wrongValue).map(([k, v]): Mutation => (e) => void (e[k] = fresh(v))),
  // Participant refs and roles out of shape; an improvement that does not validate.
  fc.tuple(fc.nat(), fc.constantFrom<Json>('p0', 'x1', 'p1234567', '', 'p1 ', null, 7), fc.constantFrom<Json>('patient', 'admin', '', null)).map(([n, ref, role]): Mutation => (e) => {
    const p = Array.isArray(e.participants) ? pick(e.participants as Obj[], n) : undefined;
    if (p && typeof p === 'object') Object.assign(p, n % 2 ? { ref } : { role });
  }),
  fc.tuple(fc.constantFrom('title', 'revision', 'format', 'id', 'sessions', 'measures'), wrongValue).map(([k, v]): Mutation => (e) => {
    const i = Array.isArray(e.improvements) ? (e.improvements[0] as Obj | undefined) : undefined;
    if (i && typeof i === 'object') i[k] = fresh(v);
  }),
  // The same session imported again: nothing wrong with it.
  fc.constant<Mutation>(() => {}),
);

/** The file's bytes, sometimes damaged as text. */
const textDamage = fc.oneof(
  { weight: 10, arbitrary: fc.constant((text: string) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => Buffer.from(text.slice(0, Math.floor(at * text.length)))) },
  { weight: 1, arbitrary: fc.constant((text: string) => Buffer.from(`\ufeff${text}`)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([at, bytes]) => (text: string) => {
      const b = Buffer.from(text);
      const i = Math.floor(at * b.length);
      return Buffer.concat([b.subarray(0, i), Buffer.from([0xff, ...bytes]), b.subarray(i)]);
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => () => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '[]', '{}', '"samskapa-session"', '{"format":"samskapa-session"}', '{"format":"samskapa-session","version":2}').map((s) => () => Buffer.from(s)) },
);

/**
 * Most files leave the workshop's improvement out: each taken import links it to one more workshop,
 * and after 200 links every further import naming it is refused (rightly), which would leave long
 * runs with nothing taken.
 */
const jsonFile = fc.tuple(fc.array(jsonMutation, { minLength: 0, maxLength: 4 }), textDamage, fc.boolean(), fc.nat({ max: 3 })).map(([mutations, damage, pretty, keep]) => {
  const data = structuredClone(seedJson) as unknown as Obj;
  if (keep > 0) data.improvements = [];
  for (const m of mutations) m(data);
  const bytes = damage(JSON.stringify(data, null, pretty ? 2 : undefined) ?? '');
  return { bytes, [fc.toStringMethod]: () => `export(${bytes.length} B: ${bytes.subarray(0, 200).toString('utf8')}…)` };
});

// ---------------------------------------------------------------------------------------------
// Generators: mutations of the real archive
// ---------------------------------------------------------------------------------------------

type ArchiveMutation = { readonly name: string; readonly apply: (b: Buffer) => Buffer };

/** A 32-bit big-endian field of the SQLite header, rewritten. */
const headerField = (offset: number, value: number) => (b: Buffer) => {
  const out = Buffer.from(b);
  if (out.length >= offset + 4) out.writeUInt32BE(value >>> 0, offset);
  return out;
};

const archiveMutation: fc.Arbitrary<ArchiveMutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<ArchiveMutation>({ name: 'as-is', apply: (b) => b }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at): ArchiveMutation => ({ name: 'cut', apply: (b) => b.subarray(0, Math.floor(at * b.length)) })) },
  {
    weight: 3,
    arbitrary: fc.array(fc.tuple(fc.nat({ max: 99 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }).map((flips): ArchiveMutation => ({
      name: 'header-flip',
      apply: (b) => {
        const out = Buffer.from(b);
        for (const [at, x] of flips) out[at] = out[at]! ^ x;
        return out;
      },
    })),
  },
  {
    weight: 4,
    arbitrary: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 12 }).map((flips): ArchiveMutation => ({
      name: 'page-flip',
      apply: (b) => {
        const out = Buffer.from(b);
        for (const [at, x] of flips) {
          const i = 100 + Math.floor(at * (out.length - 100));
          if (i < out.length) out[i] = out[i]! ^ x;
        }
        return out;
      },
    })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 4096 })).map(([at, bytes]): ArchiveMutation => ({
      name: 'page-overwrite',
      apply: (b) => {
        const out = Buffer.from(b);
        Buffer.from(bytes).copy(out, 100 + Math.floor(at * (out.length - 100)));
        return out;
      },
    })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffffffff }).filter((v) => v !== APPLICATION_ID).map((v): ArchiveMutation => ({ name: 'application-id', apply: headerField(68, v) })) },
  { weight: 1, arbitrary: fc.integer({ min: SCHEMA_VERSION + 1, max: 0x7fffffff }).map((v): ArchiveMutation => ({ name: 'user-version-higher', apply: headerField(60, v) })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.max(0, SCHEMA_VERSION - 1) }).map((v): ArchiveMutation => ({ name: 'user-version-lower', apply: headerField(60, v) })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1 << 20 }).map((v): ArchiveMutation => ({ name: 'page-count', apply: headerField(28, v) })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 8192 }).map((bytes): ArchiveMutation => ({ name: 'appended', apply: (b) => Buffer.concat([b, Buffer.from(bytes)]) })) },
  { weight: 1, arbitrary: fc.constant<ArchiveMutation>({ name: 'foreign-sqlite', apply: () => foreignSqlite }) },
  { weight: 1, arbitrary: fc.constant<ArchiveMutation>({ name: 'zero-bytes', apply: () => Buffer.alloc(0) }) },
  { weight: 1, arbitrary: fc.constantFrom('Det här är en textfil.\n', 'SQLite format 3\0'.padEnd(600, 'x'), JSON.stringify({ format: 'samskapa-session' })).map((t): ArchiveMutation => ({ name: 'text-file', apply: () => Buffer.from(t) })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((bytes): ArchiveMutation => ({ name: 'random-bytes', apply: () => Buffer.from(bytes) })) },
  { weight: 1, arbitrary: fc.constant<ArchiveMutation>({ name: 'json-export-as-archive', apply: () => Buffer.from(JSON.stringify(seedJson)) }) },
);

const archiveFile = fc.array(archiveMutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
  let bytes = seedArchive;
  for (const m of mutations) bytes = m.apply(bytes);
  const name = mutations.map((m) => m.name).join('+');
  return { bytes, name, [fc.toStringMethod]: () => `archive(${name}, ${bytes.length} B)` };
});

// ---------------------------------------------------------------------------------------------
// One import and its checks
// ---------------------------------------------------------------------------------------------

async function importOnce(kind: 'json' | 'archive', bytes: Buffer, label: string): Promise<void> {
  const tally = kind === 'json' ? jsonTally : archiveTally;
  const path = kind === 'json' ? '/api/sessions/import' : '/api/sessions/import-archive';
  const limit = kind === 'json' ? JSON_LIMIT_BYTES : ARCHIVE_MAX_BYTES;
  await tally.run(1, async () => {
    const before = await hostState(host, dir.path);
    const started = Date.now();
    const type = kind === 'json' ? 'application/json' : 'application/octet-stream';
    const res = await call('POST', path, bytes, { 'Content-Type': type }).catch((error: unknown) => {
      if (bytes.length > limit && isAlive(host)) return null;
      throw new Error(`POST ${path} ${label}: ${String(error)}; host alive: ${isAlive(host)}; ${host.stderr.join('').slice(-1500)}`);
    });
    if (process.env.FUZZ_TRACE) console.log(`${kind} ${label} ${bytes.length} B → ${res?.status ?? 'reset'} in ${Date.now() - started} ms ${res?.text.slice(0, 160) ?? ''}`);
    if (!isAlive(host)) throw new Error(`the host process ended on ${label}: ${host.stderr.join('').slice(-4000)}`);
    if (!res) {
      tally.note('oversized-reset');
      return;
    }
    const what = `${path} ${label}: ${res.status} ${res.text.slice(0, 400)}`;
    if (res.status >= 500) {
      if (process.env.FUZZ_KEEP) writeFileSync(join(process.env.FUZZ_KEEP, `import-500-${Date.now()}.${kind}`), bytes);
      throw new Error(`${what}; host said: ${host.stderr.join('').slice(-1500)}`);
    }
    expect(res.contentType, what).toMatch(/^application\/json/);
    expect(res.text, what).not.toMatch(/\n\s+at .+:\d+:\d+|node:internal|\/src\/host\//);
    const body: unknown = JSON.parse(res.text);
    if (res.status === 201) {
      tally.note(`taken:${kind === 'archive' ? label : 'json'}`);
      if (kind === 'json') expect(depthOf(JSON.parse(bytes.toString('utf8'))), `${what}: taken past the nesting limit`).toBeLessThanOrEqual(SESSION_EXPORT_MAX_DEPTH);
      await checkTaken(SessionSummarySchema.parse(body), before, what).catch((error: unknown) => {
        if (process.env.FUZZ_KEEP) writeFileSync(join(process.env.FUZZ_KEEP, `taken-failed-${Date.now()}.${kind}`), bytes);
        throw error;
      });
    } else {
      const error = ErrorBodySchema.parse(body);
      tally.note(`refused:${error.error}${kind === 'archive' ? `:${label.split('+')[0]}` : ''}`);
      if (res.status === 413) expect(error.error).toBe('payload-too-large');
      else if (res.status === 400 && error.error === 'bad-request') expect(bytes.length, `${what}: bad-request for a body that is not empty`).toBe(0);
      else {
        const expected = kind === 'json' ? ['invalid-session-export', 'session-too-new'] : ['invalid-archive', 'session-too-new'];
        expect(expected, what).toContain(error.error);
        expect(error.details?.length ?? 0, `${what}: no details`).toBeGreaterThan(0);
        for (const d of error.details ?? []) expect(d.trim().length).toBeGreaterThan(0);
      }
      // Nothing stored from a refused file: lists, revisions and files as before.
      expect(await hostState(host, dir.path), `${what}: a refused import changed what is stored`).toEqual(before);
      if (kind === 'json') {
        // The host's refusal agrees with the contract: the schema refuses the file too (or it is not JSON).
        let parsed: unknown = undefined;
        try {
          parsed = JSON.parse(bytes.toString('utf8'));
        } catch {
          // not JSON: refused, as it should be
        }
        // Past the nesting limit the host refuses before the schema (whose recursion would overflow).
        // Beyond the schema, the host checks what the documents hold (agenda steps, notes and groups
        // as the app makes them, values Yjs can store, a report it can make): such a refusal names
        // the documents.
        if (parsed !== undefined && res.status !== 413 && depthOf(parsed) <= SESSION_EXPORT_MAX_DEPTH) {
          const schemaTakes = SessionExportSchema.safeParse(parsed).success && (parsed as { version?: unknown }).version === 1;
          // The linked improvement may also have no room left for one more workshop (200 links).
          if (schemaTakes) expect(error.details?.every((d) => /^documents[.:]/.test(d) || /^improvements\.\d+: already linked/.test(d)), `${what}: the host refused a file the schema takes`).toBe(true);
        }
      }
    }
    if (++sinceCheck >= BATCH) await existingUntouched();
  });
}

/** How deep a JSON value nests (objects and arrays), without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** A taken import: one more session that opens, exports, and whose file holds only what applies. */
async function checkTaken(summary: SessionSummary, before: HostState, what: string): Promise<void> {
  expect(summary.status, what).toBe('ok');
  expect(before.sessions.some((s) => s.startsWith(`${summary.id}|`)), `${what}: the import took an existing session's id`).toBe(false);
  const after = await hostState(host, dir.path);
  expect(after.sessions.length, `${what}: one more session`).toBe(before.sessions.length + 1);
  const opened = await call('GET', `/api/sessions/${summary.id}`);
  expect(opened.status, `${what}: the imported session opens: ${opened.text.slice(0, 300)}`).toBe(200);
  const again = await call('GET', `/api/sessions/${summary.id}/export?format=json`);
  expect(again.status, `${what}: the imported session exports: ${again.text.slice(0, 300)}`).toBe(200);
  SessionExportSchema.parse(JSON.parse(again.text));
  const md = await call('GET', `/api/sessions/${summary.id}/export?format=md`);
  expect(md.status, `${what}: the imported session makes a report: ${md.text.slice(0, 300)}; host said: ${host.stderr.join('').slice(-1500)}`).toBe(200);
  for (const path of ['export/check', 'export?format=csv&kind=notes', 'export?format=csv&kind=votes']) {
    const res = await call('GET', `/api/sessions/${summary.id}/${path}`);
    expect(res.status, `${what}: GET ${path} of the imported session: ${res.text.slice(0, 300)}; host said: ${host.stderr.join('').slice(-1500)}`).toBe(200);
  }
  // Stored: a sound file whose every update applies (read from disk, beside the open host).
  const stored = checkSessionFile(summary.file);
  expect(stored.unintegrated, `${what}: stored updates that never integrate`).toEqual([]);
  // Removed again, so long runs do not fill the folder; the removal must work too.
  expect((await call('DELETE', `/api/sessions/${summary.id}`)).status, `${what}: delete the imported session`).toBe(200);
}

/** After a batch: healthy, the existing sessions hold what they held, their files are sound. */
async function existingUntouched(): Promise<void> {
  sinceCheck = 0;
  await assertHealthy(host);
  for (const [id, content] of Object.entries(existingContent)) expect(await contentOf(id), `session ${id} changed`).toBe(content);
  const list = JSON.parse((await call('GET', '/api/sessions')).text) as SessionSummary[];
  for (const id of Object.keys(existingContent)) expect(list.find((s) => s.id === id)?.status, `session ${id} listed ok`).toBe('ok');
  expect(host.stderr.join('')).not.toMatch(/request failed|TypeError|RangeError/);
  for (const t of [jsonTally, archiveTally]) if (t.inputs) t.note('existing-checked');
}

describe('fuzz: session imports (JSON exports and archives)', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-session-imports-');
    host = await startChildHost({ dataDir: dir.path });
    api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    await buildWorkshop();
    const exported = await call('GET', `/api/sessions/${workshop.id}/export?format=json`);
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
    seedJson = SessionExportSchema.parse(JSON.parse(exported.text));
    expect(seedJson.participants.length).toBe(3);
    expect(seedJson.improvements.length).toBe(1);
    const archive = await new Promise<Buffer>((resolve, reject) => {
      void fetch(`${host.ready.url}/api/sessions/${workshop.id}/archive`, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` } })
        .then(async (res) => (res.status === 200 ? resolve(Buffer.from(await res.arrayBuffer())) : reject(new Error(`archive: ${res.status}`))))
        .catch(reject);
    });
    seedArchive = archive;
    // Another application's SQLite file: a table of its own and its own application id.
    const foreignPath = join(dir.path, 'foreign.sqlite');
    const foreign = new Database(foreignPath);
    foreign.pragma('application_id = 1179010630');
    foreign.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('id', 'abcdefghijklmnop'); CREATE TABLE notes (x BLOB)");
    foreign.close();
    foreignSqlite = readFileSync(foreignPath);
    existingContent = { [workshop.id]: await contentOf(workshop.id), [other.id]: await contentOf(other.id) };
  }, 120_000);

  afterAll(async () => {
    console.log(jsonTally.line());
    console.log(archiveTally.line());
    if (host) {
      const alive = isAlive(host);
      const code = await stopChildHost(host);
      if (!alive) console.log(`host had ended (${code}): ${host.stderr.join('').slice(-4000)}`);
    }
    dir?.remove();
  }, fuzzTimeout(60));

  it('the real export and archive are taken as they are', async () => {
    await importOnce('json', Buffer.from(JSON.stringify(seedJson)), 'seed');
    await importOnce('archive', seedArchive, 'as-is');
  }, 60_000);

  it('takes or refuses (with details) every mutated JSON export; nothing stored from a refused one; existing sessions untouched', async () => {
    await fc.assert(
      fc.asyncProperty(jsonFile, async ({ bytes }) => importOnce('json', bytes, 'mutated')),
      fuzzParameters(31),
    );
    await existingUntouched();
  }, fuzzTimeout(250));

  it('takes or refuses (with details) every mutated archive; nothing stored from a refused one; existing sessions untouched', async () => {
    await fc.assert(
      fc.asyncProperty(archiveFile, async ({ bytes, name }) => importOnce('archive', bytes, name)),
      fuzzParameters(32),
    );
    await existingUntouched();
  }, fuzzTimeout(250));
});
