/**
 * Fuzzing file imports (issue #7, "Bad input, tried for real"): `POST /api/templates` on a real host
 * process with near-valid template files, made by mutating the shipped ones (resources/templates):
 * dropped fields, wrong types, unknown step types, huge arrays and strings, odd ids and versions,
 * and damaged text (cut, invalid UTF-8, a BOM, random bytes).
 *
 * Each import either succeeds (201) with a template that reads back and parses and that a session can
 * be created from, or is refused with 400 `invalid-template` and `details` naming the problems (413
 * for a file past the size limit). Never a 500; the template list still loads afterwards.
 * Session exports and archives are fuzzed in session-imports.fuzz.test.ts, improvement files in
 * improvements.fuzz.test.ts (content packs have no import endpoint).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, SessionSummarySchema, TemplateSummarySchema } from '../../src/contracts/http';
import { TEMPLATE_MAX_STEPS, isTemplate, parseTemplate } from '../../src/core/workshop/templates';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import { FuzzTally, fuzzTimeout, assertHealthy, fuzzParameters, httpCall, isAlive, nastyString, stopChildHost } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';

const BATCH = 50;
/** The template upload limit (src/host/http/template-routes.ts: 4 × the JSON body limit). */
const IMPORT_LIMIT_BYTES = 4 * 64 * 1024;
const TEMPLATES_DIR = resolve(import.meta.dirname, '../../resources/templates');
const BUILT_IN: Record<string, unknown>[] = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(TEMPLATES_DIR, f), 'utf8')) as Record<string, unknown>);
const STEP_TYPES = [...new Set(BUILT_IN.flatMap((t) => (t.steps as { type: string }[]).map((s) => s.type)))];

const tally = new FuzzTally('imports');
let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let sinceCheck = 0;
const imported = new Set<string>();

// ---------------------------------------------------------------------------------------------
// Generators: mutations of a real template
// ---------------------------------------------------------------------------------------------

type Json = unknown;
type Mutation = (t: Record<string, Json>) => void;

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, 1e308, '', ' ', [], {}, 'x'.repeat(5000), '\u0000', '\ud800'),
  fc.jsonValue({ maxDepth: 2 }),
  nastyString(40),
  fc.integer({ min: 5, max: 300 }).map((n) => nest(n)),
);

function nest(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

function steps(t: Record<string, Json>): Record<string, Json>[] {
  return Array.isArray(t.steps) ? (t.steps as Record<string, Json>[]).filter((s) => s && typeof s === 'object') : [];
}

const TOP_FIELDS = ['format', 'version', 'id', 'lang', 'title', 'description', 'source', 'steps'];
const STEP_FIELDS = ['type', 'title', 'instructions', 'minutes', 'materials', 'groupMode', 'config'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...TOP_FIELDS).map((k): Mutation => (t) => void delete t[k]),
  fc.tuple(fc.constantFrom(...TOP_FIELDS), wrongValue).map(([k, v]): Mutation => (t) => void (t[k] = v)),
  fc.tuple(fc.nat(), fc.constantFrom(...STEP_FIELDS)).map(([i, k]): Mutation => (t) => {
    const s = steps(t);
    if (s.length) delete s[i % s.length]![k];
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...STEP_FIELDS), wrongValue).map(([i, k, v]): Mutation => (t) => {
    const s = steps(t);
    if (s.length) s[i % s.length]![k] = v;
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...STEP_TYPES), fc.constantFrom('unknown', 'NOTE-BOARD', 'note_board', '', '__proto__', 'constructor', 'toString'), nastyString(20))).map(
    ([i, type]): Mutation => (t) => {
      const s = steps(t);
      if (s.length) s[i % s.length]!.type = type;
    },
  ),
  fc
    .tuple(
      fc.nat(),
      fc.record(
        {
          votesPerPerson: fc.oneof(fc.integer({ min: -5, max: 1000 }), wrongValue),
          allowStacking: fc.oneof(fc.boolean(), wrongValue),
          sourceStepId: fc.oneof(fc.constant(null), fc.string(), wrongValue),
          questions: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), wrongValue),
          extra: wrongValue,
        },
        { requiredKeys: [] },
      ),
    )
    .map(([i, config]): Mutation => (t) => {
      const s = steps(t);
      if (s.length) s[i % s.length]!.config = { ...(s[i % s.length]!.config as object), ...config };
    }),
  // Huge arrays: the agenda past its limit, exactly at it, or one step repeated many times.
  fc.integer({ min: TEMPLATE_MAX_STEPS - 2, max: 400 }).map((n): Mutation => (t) => {
    const s = steps(t);
    if (s.length) t.steps = Array.from({ length: n }, (_, i) => structuredClone(s[i % s.length]));
  }),
  fc.constant<Mutation>((t) => void (t.steps = [])),
  fc.tuple(fc.constantFrom('title', 'description', 'source'), fc.integer({ min: 150, max: 40_000 })).map(([k, n]): Mutation => (t) => void (t[k] = 'å'.repeat(n))),
  fc.tuple(fc.nat(), fc.constantFrom('title', 'instructions', 'materials'), fc.integer({ min: 100, max: 20_000 })).map(([i, k, n]): Mutation => (t) => {
    const s = steps(t);
    if (s.length) s[i % s.length]![k] = 'ö'.repeat(n);
  }),
  fc
    .oneof(
      fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,60}$/),
      fc.constantFrom(...BUILT_IN.map((t) => String(t.id))),
      fc.constantFrom('a', 'A-B', '-x', 'x'.repeat(61), 'x'.repeat(62), '../x', 'x/y', 'x.json', 'con', 'nul', 'saved-x', ''),
      nastyString(30),
    )
    .map((id): Mutation => (t) => void (t.id = id)),
  fc.constantFrom<Json>(2, 99, '1', 0, 1.5, -1, null).map((v): Mutation => (t) => void (t.version = v)),
  fc.constantFrom<Json>('samskapa-template ', 'SAMSKAPA-TEMPLATE', 'samskapa-pack', null).map((v): Mutation => (t) => void (t.format = v)),
  fc.tuple(nastyString(20), wrongValue).map(([k, v]): Mutation => (t) => void (t[k] = v)),
  fc.tuple(fc.nat(), nastyString(20), wrongValue).map(([i, k, v]): Mutation => (t) => {
    const s = steps(t);
    if (s.length) s[i % s.length]![k] = v;
  }),
  fc.constant<Mutation>((t) => void (t.__proto__ = { polluted: true })),
);

/** The file's bytes, sometimes damaged as text. */
const damage = fc.oneof(
  { weight: 8, arbitrary: fc.constant((text: string) => Buffer.from(text)) },
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
);

const fileArb = fc.tuple(fc.nat({ max: BUILT_IN.length - 1 }), fc.array(mutation, { minLength: 0, maxLength: 4 }), damage, fc.boolean()).map(([which, mutations, hurt, pretty]) => {
  const template = structuredClone(BUILT_IN[which]!);
  for (const m of mutations) m(template);
  const text = JSON.stringify(template, null, pretty ? 2 : undefined) ?? '';
  const bytes = hurt(text);
  return { bytes, [fc.toStringMethod]: () => `template(${bytes.length} B: ${bytes.subarray(0, 160).toString('utf8')}…)` };
});

// ---------------------------------------------------------------------------------------------

/** The facilitator's request, each on its own connection (see httpCall). */
function call(method: string, path: string, body?: Buffer | string): ReturnType<typeof httpCall> {
  return httpCall(host.ready.url, method, path, {
    headers: { Authorization: `Bearer ${host.ready.facilitatorToken}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    body,
  });
}

async function importOnce(bytes: Buffer): Promise<void> {
  await tally.run(1, async () => {
    const res = await call('POST', '/api/templates', bytes).catch((error: unknown) => {
      // Past the size limit the host answers 413 without reading the rest, and the connection
      // closes: a client still sending may see the reset before the answer. Anything else is a failure.
      if (bytes.length > IMPORT_LIMIT_BYTES && isAlive(host)) return null;
      if (process.env.FUZZ_KEEP) writeFileSync(`${process.env.FUZZ_KEEP}/import-failed.json`, bytes);
      throw new Error(`POST /api/templates (${bytes.length} B): ${String(error)}; host alive: ${isAlive(host)}; ${host.stderr.join('').slice(-1500)}`);
    });
    if (!res) {
      tally.note('oversized-reset-before-413');
      if (++sinceCheck >= BATCH) await listStillLoads();
      return;
    }
    const text = res.text;
    tally.note(`status-${res.status}`);
    expect(res.status, text.slice(0, 500)).toBeLessThan(500);
    expect(res.contentType).toMatch(/^application\/json/);
    const body: unknown = JSON.parse(text);
    const expected = parseTemplate(bytes.toString('utf8'));
    if (res.status === 201) {
      expect(isTemplate(expected), `the host took a file the template parser refuses: ${JSON.stringify(expected).slice(0, 300)}`).toBe(true);
      const summary = TemplateSummarySchema.parse(body);
      imported.add(summary.id);
      // It reads back, parses, and makes a session.
      const back = await call('GET', `/api/templates/${encodeURIComponent(summary.id)}`);
      const backText = back.text;
      expect(back.status, backText.slice(0, 300)).toBe(200);
      const reparsed = parseTemplate(backText);
      if (!isTemplate(reparsed)) throw new Error(`imported template ${summary.id} does not parse when read back: ${JSON.stringify(reparsed).slice(0, 500)}`);
      expect(reparsed.steps.length).toBe(summary.stepCount);
      const created = await call('POST', '/api/sessions', JSON.stringify({ title: 'Från mall', template: summary.id }));
      const createdText = created.text;
      expect(created.status, `a session from imported template ${summary.id}: ${createdText.slice(0, 300)}`).toBe(201);
      const session = SessionSummarySchema.parse(JSON.parse(createdText));
      expect((await call('DELETE', `/api/sessions/${session.id}`)).status).toBe(200);
      tally.note('imported-and-used');
    } else if (res.status === 413) {
      expect(bytes.length).toBeGreaterThan(IMPORT_LIMIT_BYTES);
      expect(ErrorBodySchema.parse(body).error).toBe('payload-too-large');
    } else {
      expect(res.status, text.slice(0, 300)).toBe(400);
      const error = ErrorBodySchema.parse(body);
      expect(error.error).toBe('invalid-template');
      expect(error.details?.length, `no details: ${text.slice(0, 300)}`).toBeGreaterThan(0);
      for (const d of error.details ?? []) expect(d.trim().length).toBeGreaterThan(0);
      expect(isTemplate(expected), `the host refused a file the template parser takes`).toBe(false);
      tally.note('refused-with-details');
    }
    if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-4000)}`);
    if (++sinceCheck >= BATCH) await listStillLoads();
  });
}

/** After a batch: healthy, and the list loads with every built-in and every imported template. */
async function listStillLoads(): Promise<void> {
  sinceCheck = 0;
  await assertHealthy(host);
  const answer = await call('GET', '/api/templates');
  expect(answer.status).toBe(200);
  const list = (JSON.parse(answer.text) as unknown[]).map((t) => TemplateSummarySchema.parse(t));
  const ids = new Set(list.map((t) => t.id));
  for (const t of BUILT_IN) expect(ids.has(String(t.id))).toBe(true);
  for (const id of imported) expect(ids.has(id), `imported template ${id} missing from the list`).toBe(true);
  expect(host.stderr.join('')).not.toMatch(/request failed|TypeError|RangeError/);
  tally.note('list-checks');
}

describe('fuzz: template import', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-imports-');
    host = await startChildHost({ dataDir: dir.path });
  });

  afterAll(async () => {
    console.log(tally.line());
    if (host) {
      const alive = isAlive(host);
      const code = await stopChildHost(host);
      if (!alive) console.log(`host had ended (${code}): ${host.stderr.join('').slice(-4000)}`);
    }
    dir?.remove();
  }, fuzzTimeout(60));

  it('the shipped templates import as they are', async () => {
    for (const t of BUILT_IN) await importOnce(Buffer.from(JSON.stringify(t)));
  }, fuzzTimeout(60));

  it('takes or refuses (400 with details) every mutated template, never a 500; the list still loads', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ bytes }) => importOnce(bytes)),
      fuzzParameters(21),
    );
    await listStillLoads();
  }, fuzzTimeout(60));
});
