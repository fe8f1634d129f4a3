import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as fc from 'fast-check';
import * as Y from 'yjs';
import { DOC_NAMES } from '../../src/core/workshop/doc-names';
import type { DocName } from '../../src/core/workshop/doc-names';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import type { ChildHost } from './child-host';

/**
 * Shared pieces of the fuzz suite (tests/fuzz, issue #7 "Bad input, tried for real").
 *
 * `FUZZ_RUNS` sets the runs per property (default modest so `npm test` stays quick on two cores);
 * `FUZZ_SEED` the seed. fast-check prints the seed and path of a failing run, so a failure can be
 * replayed with `FUZZ_SEED=<seed> npx vitest run --project fuzz`.
 */
export const FUZZ_RUNS = positiveInt(process.env.FUZZ_RUNS, 300);
export const FUZZ_SEED = integer(process.env.FUZZ_SEED, 0x5a_4d_5b_a1);

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function integer(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) ? n : fallback;
}

/** A test's time limit: the project's 120 s, or more when FUZZ_RUNS asks for a long run. */
export function fuzzTimeout(perRunMs = 60): number {
  return Math.max(120_000, FUZZ_RUNS * perRunMs * 2);
}

/** fc.assert parameters: the fixed seed (offset per property, so properties draw different inputs). */
export function fuzzParameters<T>(offset: number, runs = FUZZ_RUNS): fc.Parameters<T> {
  // No shrinking: the host keeps state between runs, so the first failing input is the one to read.
  return { numRuns: runs, seed: FUZZ_SEED + offset, verbose: 1, endOnFailure: true };
}

/** Counts inputs tried and failures per target, and how each input ended (for the report line). */
export class FuzzTally {
  inputs = 0;
  failures = 0;
  readonly outcomes = new Map<string, number>();

  constructor(readonly target: string) {}

  note(outcome: string, count = 1): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + count);
  }

  /** Wraps one run of a property: counts it as `inputs` inputs, and as a failure if it throws. */
  async run<T>(inputs: number, body: () => Promise<T>): Promise<T> {
    this.inputs += inputs;
    try {
      return await body();
    } catch (error) {
      this.failures += 1;
      throw error;
    }
  }

  line(): string {
    const outcomes = [...this.outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(' ');
    return `fuzz ${this.target}: ${this.inputs} inputs, ${this.failures} failures (seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs/property)${outcomes ? ` [${outcomes}]` : ''}`;
  }
}

export function isAlive(host: ChildHost): boolean {
  return host.process.exitCode === null && host.process.signalCode === null;
}

/** Stops a child host gracefully (SIGTERM: it stores what is queued and closes its files). */
export async function stopChildHost(host: ChildHost): Promise<number | null> {
  if (!isAlive(host)) return host.process.exitCode;
  host.process.kill('SIGTERM');
  return host.exited;
}

/**
 * One request on its own connection (no keep-alive): a reset then means the host reset it, never a
 * client reusing a connection the host had just closed as idle.
 */
export function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number } = {},
): Promise<{ status: number; contentType: string; text: string }> {
  const url = new URL(baseUrl);
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers = body ? { ...options.headers, 'Content-Length': String(body.length) } : options.headers;
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: Number(url.port), method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms to ${method} ${path.slice(0, 200)}`)), options.timeoutMs ?? 10_000);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

/** GET /api/health answers `{ok:true}` within the time limit. */
export async function assertHealthy(host: ChildHost, timeoutMs = 5000): Promise<void> {
  if (!isAlive(host)) throw new Error(`host process ended (${host.process.exitCode ?? host.process.signalCode}): ${host.stderr.join('')}`);
  const res = await httpCall(host.ready.url, 'GET', '/api/health', { timeoutMs });
  const body = JSON.parse(res.text) as { ok?: unknown };
  if (res.status !== 200 || body.ok !== true) throw new Error(`health answered ${res.status} ${res.text}`);
}

export interface StoredCheck {
  /** Updates read back and applied, per document. */
  readonly updates: Record<DocName, number>;
  /** The documents rebuilt from the file alone. */
  readonly docs: Record<DocName, Y.Doc>;
  /**
   * Documents whose stored updates include structs that never integrate (they name a client clock or
   * parent the document does not have). They apply without error and are served as they are stored.
   */
  readonly unintegrated: readonly DocName[];
}

/**
 * "Never stores garbage": the session file passes `PRAGMA integrity_check`, opens read-only through the
 * host's own store, and every stored update decodes and applies to a fresh document, in order,
 * without throwing. Updates that apply but cannot integrate are reported in `unintegrated`.
 */
export function checkSessionFile(file: string): StoredCheck {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = raw.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file}: integrity_check says ${String(result)}`);
  } finally {
    raw.close();
  }
  const store = SqliteSessionStore.open(file, { readonly: true });
  const updates = {} as Record<DocName, number>;
  const docs = {} as Record<DocName, Y.Doc>;
  const unintegrated: DocName[] = [];
  try {
    for (const name of DOC_NAMES) {
      const doc = new Y.Doc();
      const stored = store.loadDoc(name);
      stored.updates.forEach((update, index) => {
        try {
          Y.decodeUpdate(update);
          Y.applyUpdate(doc, update);
        } catch (error) {
          throw new Error(`${file}: stored ${name} update #${index} (${update.length} bytes) does not apply: ${String(error)}`);
        }
      });
      if (pendingOf(doc) !== '') unintegrated.push(name);
      updates[name] = stored.updates.length;
      docs[name] = doc;
    }
  } finally {
    store.close();
  }
  return { updates, docs, unintegrated };
}

/**
 * What a document holds that Yjs could not integrate (structs or deletions that build on changes the
 * document does not have), as a comparable string; '' when everything is integrated.
 */
export function pendingOf(doc: Y.Doc): string {
  const structs = doc.store.pendingStructs;
  const ds = doc.store.pendingDs;
  if (!structs && !ds) return '';
  return `${structs ? Buffer.from(structs.update).toString('base64') : ''}|${ds ? Buffer.from(ds).toString('base64') : ''}`;
}

/** A varUint, as lib0 writes it. */
export function varUint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push(0x80 | (v & 0x7f));
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

export function concatBytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Strings that look like text and hide traps: control characters, lone surrogates, RTL marks, NUL. */
export const nastyString = (maxLength = 64): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff', '\u202e', '../../etc/passwd', '%00', '%ff', '__proto__', 'constructor', '😀'.repeat(20)),
  );

/**
 * What the host has stored, for "nothing stored from refused input": the session list (id and
 * title), the improvement list (id, revision and status: every accepted save raises the revision and
 * adds a stored revision), and the files in the sessions, improvements and tmp folders (SQLite's
 * -wal/-shm/-journal companions left out: they come and go with every open file).
 */
export interface HostState {
  readonly sessions: readonly string[];
  readonly improvements: readonly string[];
  readonly files: readonly string[];
}

export async function hostState(host: ChildHost, dataDir: string): Promise<HostState> {
  const get = async (path: string): Promise<Record<string, unknown>[]> => {
    const res = await httpCall(host.ready.url, 'GET', path, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` } });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return JSON.parse(res.text) as Record<string, unknown>[];
  };
  const sessions = (await get('/api/sessions')).map((s) => `${String(s.id)}|${String(s.title)}`).sort();
  const improvements = (await get('/api/improvements')).map((i) => `${String(i.id)}|${String(i.revision)}|${String(i.status)}`).sort();
  const files: string[] = [];
  for (const folder of ['sessions', 'improvements', 'tmp']) {
    const path = join(dataDir, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path)) if (!/-(wal|shm|journal)$/.test(name)) files.push(`${folder}/${name}`);
  }
  return { sessions, improvements, files: files.sort() };
}
