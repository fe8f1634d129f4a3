/**
 * Fuzzing the sync endpoint (issue #7, "Bad input, tried for real"): a real host process, raw `ws`
 * sockets and stock y-websocket clients, the session's real SQLite file. Inputs: random bytes,
 * truncated real messages, oversized messages, valid framing around invalid Yjs content (random and
 * mutated real updates), awareness floods, and random sequences of these; for a participant and the
 * facilitator on `board`, `control` and `vault`.
 *
 * Every input ends in one of two ways: the host closes the socket with a documented code, or it
 * answers a ping after the last message (the socket is still fine). Never a hang, never a reset.
 * After every batch the host is alive and healthy, a stock client syncs a note end to end, and the
 * session file passes integrity_check and replays from disk alone.
 */
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/contracts/sync';
import type { JoinResponse, SessionSummary, ShareResponse } from '../../src/contracts/http';
import type { DocName } from '../../src/core/workshop/doc-names';
import { decodeMessage } from '../../src/host/sync/protocol';
import { LIMITS } from '../../src/host/sync/limits';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import { FuzzTally, fuzzTimeout, assertHealthy, checkSessionFile, concatBytes, fuzzParameters, isAlive, nastyString, pendingOf, stopChildHost, varUint } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';
import { connectClient } from '../helpers/yjs-client';

/** The documented codes a refused socket may end with (src/contracts/sync.ts), and 1009 from the frame limit. */
const REFUSAL_CODES = new Set<number>([
  CLOSE_CODES.badMessage,
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
  CLOSE_CODES.sessionClosed,
  CLOSE_CODES.removed,
  CLOSE_CODES.tooLarge,
  CLOSE_CODES.tooMany,
  1009,
]);
/** End-to-end check (stock client + file replay) after this many inputs. */
const BATCH = 50;
const INPUT_TIMEOUT_MS = 10_000;
const ROLES = ['participant', 'facilitator'] as const;
const DOCS: readonly DocName[] = ['board', 'control', 'vault'];

type Role = (typeof ROLES)[number];
interface Message {
  readonly kind: string;
  readonly bytes: Uint8Array;
  /** Sent as a text frame (the protocol is binary only). */
  readonly text?: boolean;
}

/** Messages print short in a counterexample: kind, size and the first bytes (inputs can be megabytes). */
function msg(kind: string, bytes: Uint8Array, text?: boolean): Message {
  return {
    kind,
    bytes,
    ...(text ? { text } : {}),
    [fc.toStringMethod]: () => `${kind}(${bytes.length} B${text ? ', text' : ''}: ${Buffer.from(bytes.subarray(0, 48)).toString('hex')}${bytes.length > 48 ? '…' : ''})`,
  } as Message;
}
type Outcome = { readonly end: 'alive' } | { readonly end: 'closed'; readonly code: number; readonly reason: string } | { readonly end: 'http'; readonly status: number };

const tally = new FuzzTally('websocket');
let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let session: SessionSummary;
let anna: JoinResponse;
let checks = 0;
let sinceCheck = 0;
/** Inputs after which the file held structs that never integrate (reported, see checkSessionFile). */
const unintegratedExamples: string[] = [];
let fileReader: Database.Database | null = null;
let statements: { snapshot: Database.Statement; rows: Database.Statement } | null = null;
/** The session's documents rebuilt from the file, row by row, after every input. */
const mirror: Record<DocName, { doc: Y.Doc; lastId: number }> = {
  board: { doc: new Y.Doc(), lastId: 0 },
  control: { doc: new Y.Doc(), lastId: 0 },
  vault: { doc: new Y.Doc(), lastId: 0 },
};
/** Real messages stock clients sent, by document, recorded in another session. */
const corpus: Record<DocName, Uint8Array[]> = { board: [], control: [], vault: [] };

function wsUrl(sessionId: string, doc: string, token: string): string {
  return `${host.ready.url.replace(/^http/, 'ws')}/sync/${encodeURIComponent(sessionId)}/${encodeURIComponent(doc)}?token=${encodeURIComponent(token)}`;
}

function tokenOf(role: Role): string {
  return role === 'facilitator' ? host.ready.facilitatorToken : anna.token;
}

/** A `ws` class for y-websocket that keeps a copy of every message the stock client sends. */
function recordingWebSocket(sink: Uint8Array[]): typeof WebSocket {
  return class RecordingWebSocket extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array || data instanceof ArrayBuffer) sink.push(new Uint8Array(data as Uint8Array).slice());
      (WebSocket.prototype.send as (...args: unknown[]) => void).call(this, data, ...rest);
    }
  } as typeof WebSocket;
}

/** Stock clients work in a scratch session; their messages become the fuzz corpus. */
async function recordCorpus(facilitator: ApiClient): Promise<void> {
  const scratch = await facilitator.createSession('Corpus');
  const share = await facilitator.share(scratch.id);
  const bea = await new ApiClient(host.ready.url).join(share.joinCode, 'Bea', 'relative');
  const base = `${host.ready.url.replace(/^http/, 'ws')}/sync`;
  const providers: WebsocketProvider[] = [];
  const open = (doc: DocName, token: string, ydoc = new Y.Doc()): { ydoc: Y.Doc; provider: WebsocketProvider } => {
    // Fixed client ids and times keep the corpus, and so the generated inputs, the same run to run.
    ydoc.clientID = 1000 + providers.length;
    const provider = new WebsocketProvider(base, `${scratch.id}/${doc}`, ydoc, {
      params: { token },
      WebSocketPolyfill: recordingWebSocket(corpus[doc]) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(provider);
    return { ydoc, provider };
  };
  const fac = { control: open('control', host.ready.facilitatorToken), board: open('board', host.ready.facilitatorToken), vault: open('vault', host.ready.facilitatorToken) };
  const part = { board: open('board', bea.token), control: open('control', bea.token) };
  await waitFor(() => providers.every((p) => p.synced), 'the corpus clients to sync');
  for (const [i, p] of providers.entries()) {
    p.awareness.setLocalStateField('user', { name: `Klient ${i}`, role: 'facilitator' });
    p.awareness.setLocalStateField('cursor', { x: i, y: i * 2, selection: [1, 2, 3] });
  }
  // Every kind of struct a Yjs update can carry: maps, arrays, text with formats, embeds, binary, nested types, deletions.
  const control = fac.control.ydoc;
  control.getMap('agenda').set('s1', { id: 's1', type: 'note-board', title: 'Ett steg', minutes: 10, groupMode: 'room', config: {} });
  control.getMap('run').set('currentStepId', 's1');
  const text = new Y.Text();
  control.getMap('nested').set('text', text);
  text.insert(0, 'Hej världen 😀', { bold: true });
  text.insertEmbed(3, { image: 'x' });
  text.delete(1, 2);
  const list = new Y.Array<unknown>();
  control.getMap('nested').set('list', list);
  list.push([1, 'två', { tre: 3 }, new Uint8Array([1, 2, 3]), null, true]);
  list.delete(0, 1);
  control.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('text')]);
  const notes = fac.board.ydoc.getMap('notes');
  for (let i = 0; i < 5; i++) notes.set(`f${i}`, { id: `f${i}`, text: `Anteckning ${i} ${'å'.repeat(i * 10)}`, createdAt: 1_700_000_000_000 + i, authorRole: 'facilitator', anonymous: false });
  notes.delete('f1');
  fac.vault.ydoc.getMap('notes').set('v1', { id: 'v1', text: 'gömd', createdAt: 1, authorRole: 'patient', anonymous: true });
  const mine = { id: 'b1', text: 'Bea skriver', createdAt: 1_700_000_000_000, authorRole: 'relative', anonymous: false, authorName: 'Bea', authorId: bea.pseudonym, stepId: 's1' };
  part.board.ydoc.getMap('notes').set('b1', mine);
  part.board.ydoc.getMap('notes').set('b1', { ...mine, text: 'Bea ändrar', editedAt: 1_700_000_060_000 });
  part.board.ydoc.getMap('notes').delete('b1');
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const p of providers) {
    p.destroy();
    p.doc.destroy();
  }
  await facilitator.json('DELETE', `/api/sessions/${scratch.id}`);
}

/** Opens a raw socket, sends the messages and a ping, and reports how the host ended it. */
function attempt(url: string, messages: readonly Message[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
    let outcome: Outcome | null = null;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no answer within ${INPUT_TIMEOUT_MS} ms (the socket hung)`));
    }, INPUT_TIMEOUT_MS);
    const finish = (result: Outcome): void => {
      clearTimeout(timer);
      resolve(result);
    };
    ws.on('open', () => {
      for (const m of messages) ws.send(m.text ? Buffer.from(m.bytes).toString('latin1') : m.bytes, { binary: !m.text });
      // Frames are handled in order: a pong means every message above was taken without a refusal.
      ws.ping();
    });
    ws.on('pong', () => {
      if (outcome) return;
      outcome = { end: 'alive' };
      ws.close(1000);
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      outcome = { end: 'http', status: res.statusCode ?? 0 };
      ws.terminate();
      finish(outcome);
    });
    ws.on('error', () => {
      /* a 'close' event always follows */
    });
    ws.on('close', (code, reason) => {
      if (outcome?.end === 'http') return;
      finish(outcome ?? { end: 'closed', code, reason: reason.toString() });
    });
  });
}

/** One fuzz input: sends, checks the ending, and every BATCH inputs runs the full end-to-end check. */
async function fuzzOnce(role: Role, doc: DocName, messages: readonly Message[]): Promise<void> {
  await tally.run(1, async () => {
    const outcome = await attempt(wsUrl(session.id, doc, tokenOf(role)), messages);
    tally.note(outcome.end === 'closed' ? `closed-${outcome.code}` : outcome.end);
    if (outcome.end === 'http') throw new Error(`the upgrade was answered with HTTP ${outcome.status}`);
    if (outcome.end === 'closed' && !REFUSAL_CODES.has(outcome.code)) {
      throw new Error(`closed with ${outcome.code} "${outcome.reason}", not a documented refusal; host alive: ${isAlive(host)}\n${host.stderr.join('').slice(-2000)}`);
    }
    if (role === 'participant' && doc === 'vault') expect(outcome).toMatchObject({ end: 'closed', code: CLOSE_CODES.forbidden });
    if (messages.some((m) => m.text) && outcome.end === 'closed') expect(REFUSAL_CODES.has(outcome.code)).toBe(true);
    if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-4000)}`);
    await readStoredRows(role, doc, messages);
    if (++sinceCheck >= BATCH) await endToEnd();
  });
}

/**
 * After every input: what it made the host store, read back from the file and applied to a mirror of
 * each document; an update that does not apply fails the input that sent it. Updates that apply but
 * cannot integrate are counted and the input noted.
 */
async function readStoredRows(role: Role, docName: DocName, messages: readonly Message[]): Promise<void> {
  // The host commits in the event-loop turn that handled the messages; a request after the pong
  // is handled after that commit.
  await assertHealthy(host);
  if (!fileReader) {
    fileReader = new Database(session.file, { readonly: true, fileMustExist: true });
    statements = {
      snapshot: fileReader.prepare('SELECT data, upto FROM snapshots WHERE doc = ?'),
      rows: fileReader.prepare('SELECT id, data FROM updates WHERE doc = ? AND id > ? ORDER BY id'),
    };
  }
  for (const name of DOCS) {
    const m = mirror[name];
    const snapshot = statements!.snapshot.get(name) as { data: Buffer; upto: number } | undefined;
    if (snapshot && snapshot.upto > m.lastId) {
      // Compacted past what we read: start again from the snapshot.
      m.doc = new Y.Doc();
      Y.applyUpdate(m.doc, new Uint8Array(snapshot.data));
      m.lastId = snapshot.upto;
    }
    const rows = statements!.rows.all(name, m.lastId) as { id: number; data: Buffer }[];
    const before = pendingOf(m.doc);
    for (const row of rows) {
      try {
        Y.applyUpdate(m.doc, new Uint8Array(row.data));
      } catch (error) {
        throw new Error(`${role} on ${docName} made the host store an update of ${name} that does not apply: ${String(error)}`);
      }
      m.lastId = row.id;
    }
    if (rows.length > 0) tally.note(`stored-${role}-${name}`, rows.length);
    if (rows.length > 0 && pendingOf(m.doc) !== before) {
      tally.note(`stored-unintegrated-${role}-${name}`);
      if (unintegratedExamples.length < 5) unintegratedExamples.push(`${role} on ${docName}: ${messages.map((x) => String((x as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? x.kind)).join(', ')}`);
    }
  }
}

/** After a batch: healthy, a note syncs end to end through the host, the file is sound and replays. */
async function endToEnd(): Promise<void> {
  sinceCheck = 0;
  const n = ++checks;
  await assertHealthy(host);
  const writer = connectClient(host.ready.url, session.id, 'board', host.ready.facilitatorToken);
  const reader = connectClient(host.ready.url, session.id, 'board', anna.token);
  try {
    await Promise.all([writer.whenSynced(), reader.whenSynced()]).catch((error: unknown) => {
      if (process.env.FUZZ_KEEP) copyFileSync(session.file, `${process.env.FUZZ_KEEP}/failed-${n}.samskapa`);
      throw new Error(`stock clients: writer synced ${writer.provider.synced} (${writer.closeCodes}), reader synced ${reader.provider.synced} (${reader.closeCodes}): ${String(error)}`);
    });
    const id = `check-${n}`;
    const note = { id, text: `end to end ${n}`, createdAt: Date.now(), authorRole: 'facilitator', anonymous: false };
    writer.doc.getMap('notes').set(id, note);
    await waitFor(() => reader.doc.getMap('notes').has(id), `check note ${n} to reach a second stock client`).catch((error: unknown) => {
      const onDisk = checkSessionFile(session.file).docs.board.getMap('notes').has(id);
      const states = writer.provider.awareness.getStates();
      throw new Error(`${String(error)}; stored: ${onDisk}; presence states ${states.size}, ${JSON.stringify([...states.values()]).length} chars, ids ${[...states.keys()].slice(0, 10)}; writer ${writer.provider.wsconnected} ${writer.closeCodes}, reader ${reader.provider.wsconnected} ${reader.closeCodes}; ${host.stderr.join('').slice(-1500)}`);
    });
    const stored = checkSessionFile(session.file);
    expect(stored.docs.board.getMap('notes').get(id)).toEqual(note);
    // What the file holds is what the host serves.
    expect(Y.encodeStateVector(stored.docs.board)).toEqual(Y.encodeStateVector(writer.doc));
    expect(Y.equalSnapshots(Y.snapshot(stored.docs.board), Y.snapshot(reader.doc))).toBe(true);
    tally.note('end-to-end-checks');
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const frame = (type: number, ...body: (Uint8Array | number[])[]): Uint8Array => concatBytes(varUint(type), ...body);
const withLength = (payload: Uint8Array): Uint8Array => concatBytes(varUint(payload.length), payload);
const syncFrame = (sub: number, payload: Uint8Array): Uint8Array => frame(0, varUint(sub), withLength(payload));

/** Real update payloads from the corpus (sync step 2 and update messages). */
function corpusUpdates(doc: DocName): Uint8Array[] {
  return corpus[doc].flatMap((bytes) => {
    const m = decodeMessage(bytes);
    return m.kind === 'update' && m.update.length > 2 ? [m.update] : [];
  });
}

function allCorpus(): Uint8Array[] {
  return [...corpus.board, ...corpus.control, ...corpus.vault];
}

const randomBytes = (): fc.Arbitrary<Message> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 512 }).map((bytes) => msg('random', bytes)),
    // Random bytes behind each real message type, so the decoder gets past the first byte.
    fc.tuple(fc.constantFrom(0, 1, 2, 3), fc.uint8Array({ maxLength: 256 })).map(([t, rest]) => msg('random-typed', frame(t, rest))),
    fc.tuple(fc.integer({ min: 4, max: 2 ** 31 }), fc.uint8Array({ maxLength: 32 })).map(([t, rest]) => msg('unknown-type', frame(t, rest))),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => msg('text-frame', bytes, true)),
  );

const truncated = (): fc.Arbitrary<Message> =>
  fc.tuple(fc.constantFrom(...allCorpus()), fc.double({ min: 0, max: 1, noNaN: true })).map(([bytes, at]) => msg('truncated', bytes.slice(0, Math.min(bytes.length - 1, Math.floor(at * bytes.length)))));

const invalidYjs = (): fc.Arbitrary<Message> =>
  fc.tuple(fc.constantFrom(0, 1, 2), fc.uint8Array({ maxLength: 512 })).map(([sub, payload]) => msg(`invalid-yjs-${sub}`, syncFrame(sub, payload)));

/** A real update with bytes flipped, inserted or removed, in valid framing (as step 2 or update). */
const mutatedUpdate = (doc: DocName): fc.Arbitrary<Message> => {
  const updates = corpusUpdates(doc);
  const edit = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff, 8, 9, 10) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  );
  return fc.tuple(fc.constantFrom(...updates), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2)).map(([update, edits, sub]) => {
    let bytes = [...update];
    for (const e of edits) {
      const at = e.at % (bytes.length + (e.op === 'insert' ? 1 : 0) || 1);
      if (e.op === 'flip') bytes[at] = (bytes[at] ?? 0) ^ e.xor;
      else if (e.op === 'set') bytes[at] = e.value;
      else if (e.op === 'insert') bytes.splice(at, 0, e.value);
      else bytes.splice(at, 1);
    }
    if (bytes.length === 0) bytes = [0];
    return msg('mutated-update', syncFrame(sub, new Uint8Array(bytes)));
  });
};

/** Mutated real updates merged with each other (structs of several clients, gaps in clocks). */
const mergedUpdates = (doc: DocName): fc.Arbitrary<Message> =>
  fc.subarray(corpusUpdates(doc), { minLength: 1 }).map((list) => {
    try {
      return msg('merged-update', syncFrame(2, Y.mergeUpdates(list)));
    } catch {
      return msg('merged-update', syncFrame(2, list[0]!));
    }
  });

const jsonText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 2, arbitrary: nastyString(64) }, // mostly not JSON at all
    { weight: 1, arbitrary: fc.constantFrom('{', '[', 'undefined', 'NaN', '{"user":', '"\\ud800"', '{"__proto__":{"polluted":1}}', 'null', '1e999') },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => JSON.stringify({ user: { name: 'x'.repeat(n) }, cursor: null })) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  );

function encodeVarString(text: string): Uint8Array {
  return withLength(new TextEncoder().encode(text));
}

/** Awareness updates: many client ids (others' too), huge states, non-JSON states, absurd clocks. */
const awarenessFlood = (): fc.Arbitrary<Message> => {
  const entry = fc.record({
    clientId: fc.oneof(fc.nat({ max: 10 }), fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
    clock: fc.oneof(fc.nat({ max: 5 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
    state: jsonText(),
  });
  return fc.oneof(
    fc.array(entry, { minLength: 1, maxLength: 30 }).map((entries) => awarenessMessage('awareness', entries)),
    // Many client ids at once.
    fc.tuple(fc.integer({ min: 100, max: 1000 }), fc.nat()).map(([count, start]) =>
      awarenessMessage('awareness-many-ids', Array.from({ length: count }, (_, i) => ({ clientId: start + i, clock: 1, state: '{"user":{"name":"x"}}' }))),
    ),
    // A count that promises more entries than follow.
    fc.tuple(fc.integer({ min: 2, max: 2 ** 31 }), fc.uint8Array({ maxLength: 64 })).map(([count, rest]) => msg('awareness-short', frame(1, withLength(concatBytes(varUint(count), rest))))),
    fc.uint8Array({ maxLength: 256 }).map((payload) => msg('awareness-random', frame(1, withLength(payload)))),
  );
};

function awarenessMessage(kind: string, entries: readonly { clientId: number; clock: number; state: string }[]): Message {
  const parts: (Uint8Array | number[])[] = [varUint(entries.length)];
  for (const e of entries) parts.push(varUint(e.clientId), varUint(e.clock), encodeVarString(e.state));
  return msg(kind, frame(1, withLength(concatBytes(...parts))));
}

/** Just over a participant's message limit (the facilitator's own limit is tested separately). */
const oversized = (): fc.Arbitrary<Message> =>
  fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(0, 1, 0xff)).map(([extra, fill]) => msg('oversized', new Uint8Array(LIMITS.participantMessageBytes + extra).fill(fill)));

const anyMessage = (doc: DocName): fc.Arbitrary<Message> =>
  fc.oneof(
    { weight: 3, arbitrary: randomBytes() },
    { weight: 3, arbitrary: truncated() },
    { weight: 3, arbitrary: invalidYjs() },
    { weight: 4, arbitrary: mutatedUpdate(doc) },
    { weight: 1, arbitrary: mergedUpdates(doc) },
    { weight: 2, arbitrary: awarenessFlood() },
    { weight: 2, arbitrary: fc.constantFrom(...allCorpus()).map((bytes) => msg('real', bytes)) },
  );

const target = fc.record({ role: fc.constantFrom(...ROLES), doc: fc.constantFrom(...DOCS) });

// ---------------------------------------------------------------------------------------------

describe('fuzz: the sync endpoint (WebSocket)', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-ws-');
    host = await startChildHost({ dataDir: dir.path });
    const facilitator = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    await recordCorpus(facilitator);
    session = await facilitator.createSession('Fuzz');
    const share = await facilitator.json<ShareResponse>('POST', `/api/sessions/${session.id}/share`, { address: '127.0.0.1' });
    anna = await new ApiClient(host.ready.url).join(share.joinCode, 'Anna', 'patient');
    for (const doc of DOCS) expect(corpus[doc].length).toBeGreaterThan(2);
    expect(corpusUpdates('board').length).toBeGreaterThan(2);
  });

  afterAll(async () => {
    console.log(tally.line());
    if (unintegratedExamples.length > 0) console.log(`fuzz websocket: inputs after which the file held structs that never integrate:\n  ${unintegratedExamples.join('\n  ')}`);
    fileReader?.close();
    if (host) {
      const alive = isAlive(host);
      const code = await stopChildHost(host);
      if (!alive) console.log(`host had ended (${code}): ${host.stderr.join('').slice(-4000)}`);
    }
    dir?.remove();
  }, fuzzTimeout(60));

  it('survives random bytes, text frames and unknown message types', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.array(randomBytes(), { minLength: 1, maxLength: 4 }), async ({ role, doc }, messages) => fuzzOnce(role, doc, messages)),
      fuzzParameters(1),
    );
    await endToEnd();
  }, fuzzTimeout(60));

  it('survives real messages cut at random points', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.array(truncated(), { minLength: 1, maxLength: 4 }), async ({ role, doc }, messages) => fuzzOnce(role, doc, messages)),
      fuzzParameters(2),
    );
    await endToEnd();
  }, fuzzTimeout(60));

  it('never stores an update that does not apply: valid framing around invalid Yjs content (random and mutated real updates)', async () => {
    await fc.assert(
      fc.asyncProperty(
        target.chain(({ role, doc }) =>
          fc.tuple(fc.constant(role), fc.constant(doc), fc.array(fc.oneof(invalidYjs(), mutatedUpdate(doc), mergedUpdates(doc)), { minLength: 1, maxLength: 4 })),
        ),
        async ([role, doc, messages]) => fuzzOnce(role, doc, messages),
      ),
      fuzzParameters(3),
    );
    await endToEnd();
  }, fuzzTimeout(60));

  it('survives awareness floods: many client ids, huge and non-JSON states', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.array(awarenessFlood(), { minLength: 1, maxLength: 4 }), async ({ role, doc }, messages) => fuzzOnce(role, doc, messages)),
      fuzzParameters(4),
    );
    await endToEnd();
  }, fuzzTimeout(60));

  it('survives random sequences of all of these', async () => {
    await fc.assert(
      fc.asyncProperty(
        target.chain(({ role, doc }) => fc.tuple(fc.constant(role), fc.constant(doc), fc.array(anyMessage(doc), { minLength: 1, maxLength: 10 }))),
        async ([role, doc, messages]) => fuzzOnce(role, doc, messages),
      ),
      fuzzParameters(5),
    );
    await endToEnd();
  }, fuzzTimeout(60));

  it('closes oversized messages with 4413 (participant) or 1009 (past the frame limit), and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<DocName>('board', 'control'), oversized(), async (doc, message) => {
        await tally.run(1, async () => {
          const outcome = await attempt(wsUrl(session.id, doc, anna.token), [message]);
          tally.note(outcome.end === 'closed' ? `closed-${outcome.code}` : outcome.end);
          expect(outcome).toMatchObject({ end: 'closed', code: CLOSE_CODES.tooLarge });
        });
      }),
      fuzzParameters(6, Math.max(5, Math.ceil(FUZZ_RUNS_SMALL()))),
    );
    // The facilitator's frame limit (16 MB) is the WebSocket server's maxPayload: 1009.
    await tally.run(1, async () => {
      const outcome = await attempt(wsUrl(session.id, 'board', host.ready.facilitatorToken), [msg('oversized', new Uint8Array(LIMITS.facilitatorMessageBytes + 1))]);
      tally.note(outcome.end === 'closed' ? `closed-${outcome.code}` : outcome.end);
      expect(outcome).toMatchObject({ end: 'closed' });
      expect([CLOSE_CODES.tooLarge, 1009]).toContain((outcome as { code: number }).code);
    });
    // 2 MB of garbage is within the facilitator's size limit but is no message: 4400.
    await tally.run(1, async () => {
      const outcome = await attempt(wsUrl(session.id, 'board', host.ready.facilitatorToken), [msg('big-garbage', new Uint8Array(2 * 1024 * 1024).fill(0xff))]);
      tally.note(outcome.end === 'closed' ? `closed-${outcome.code}` : outcome.end);
      expect(outcome).toMatchObject({ end: 'closed', code: CLOSE_CODES.badMessage });
    });
    await endToEnd();
  }, fuzzTimeout(60));

  it('refuses bad session ids, document names and tokens on the upgrade with a documented code', async () => {
    const segment = fc.oneof(nastyString(40), fc.constantFrom('board', 'control', 'vault', 'Board', 'board ', '..', '.', '%2e%2e', 'x'.repeat(300)), fc.constantFrom(...RAW_SEGMENTS));
    const tokenArb = fc.oneof(
      nastyString(80),
      fc.constantFrom('', `f.${'x'.repeat(43)}`, `p.${'x'.repeat(43)}`),
      fc.constant(null).map(() => `${host.ready.facilitatorToken}x`),
      fc.constant(null).map(() => anna.token.slice(0, -1)),
      fc.constant(null).map(() => anna.token.toUpperCase()),
      fc.constant(null).map(() => host.ready.facilitatorToken),
      fc.constant(null).map(() => anna.token),
    );
    const sessionArb = fc.oneof(segment, fc.constant(null).map(() => session.id), fc.constant(null).map(() => `${session.id}/..`));
    // Valid tokens with malformed escapes in the path reach the decoding of the path.
    for (const raw of RAW_SEGMENTS) {
      await tally.run(2, async () => {
        for (const [sid, doc] of [[raw, 'board'], [session.id, raw]] as const) {
          const url = `${host.ready.url.replace(/^http/, 'ws')}/sync/${pathSegment(sid)}/${pathSegment(doc)}?token=${percentEncode(host.ready.facilitatorToken)}`;
          const outcome = await attempt(url, [msg('probe', syncFrame(0, new Uint8Array([0])))]);
          tally.note(outcome.end === 'closed' ? `upgrade-closed-${outcome.code}` : `upgrade-${outcome.end}`);
          if (!isAlive(host)) throw new Error(`the path /sync/${sid}/${doc} ended the host: ${host.stderr.join('').slice(-2000)}`);
          if (outcome.end === 'closed') expect(REFUSAL_CODES.has(outcome.code)).toBe(true);
          else expect(outcome).toEqual({ end: 'http', status: 404 });
        }
      });
    }
    await fc.assert(
      fc.asyncProperty(sessionArb, segment, tokenArb, async (sessionId, doc, token) => {
        await tally.run(1, async () => {
          const url = `${host.ready.url.replace(/^http/, 'ws')}/sync/${pathSegment(sessionId)}/${pathSegment(doc)}?token=${percentEncode(token)}`;
          const outcome = await attempt(url, [msg('probe', syncFrame(0, new Uint8Array([0])))]);
          tally.note(outcome.end === 'closed' ? `upgrade-closed-${outcome.code}` : `upgrade-${outcome.end}`);
          if (outcome.end === 'http') expect(outcome.status).toBe(404); // not a /sync/<id>/<doc> path
          else if (outcome.end === 'closed') expect(REFUSAL_CODES.has(outcome.code)).toBe(true);
          else {
            const valid = token === host.ready.facilitatorToken || (token === anna.token && doc !== 'vault');
            if (!(valid && sessionId === session.id && DOCS.includes(doc as DocName))) {
              throw new Error(`a socket with session "${sessionId}", doc "${doc}", token "${token}" was accepted`);
            }
          }
        });
      }),
      fuzzParameters(7),
    );
    await endToEnd();
  }, fuzzTimeout(60));
});

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates too, which encodeURIComponent refuses). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

/** A path segment: encoded, except the raw ones meant to be malformed escapes ("%ff", "%", "%zz"). */
function pathSegment(value: string): string {
  return RAW_SEGMENTS.includes(value) ? value : percentEncode(value);
}
const RAW_SEGMENTS = ['%ff', '%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2F..%2F'];

/** Oversized inputs cost a megabyte each: a tenth of the runs. */
function FUZZ_RUNS_SMALL(): number {
  return fuzzParameters(0).numRuns! / 10;
}
