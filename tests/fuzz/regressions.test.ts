/**
 * Inputs the fuzz suite found that ended the host process or left state behind, kept as fixed cases
 * (issue #7). Each ran against a real host process; before the fix, the first three ended it, and
 * the three session imports were a 500 or stored a session whose report failed.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES } from '../../src/contracts/sync';
import type { SessionSummary } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import type { ChildHost } from '../helpers/child-host';
import type { SessionExport } from '../../src/contracts/exports';
import { assertHealthy, concatBytes, hostState, httpCall, isAlive, stopChildHost, varUint } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp-dir';
import { sleep } from '../helpers/wait';
import { connectClient } from '../helpers/yjs-client';

let dir: ReturnType<typeof tempDir>;
let host: ChildHost;
let session: SessionSummary;

function wsBase(): string {
  return host.ready.url.replace(/^http/, 'ws');
}

/** Opens a socket, sends the messages at once, and resolves with the close code (or the HTTP status). */
function closeOf(url: string, messages: Uint8Array[] = []): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      for (const m of messages) ws.send(m);
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.on('error', () => {});
    ws.on('close', (code) => resolve(code));
  });
}

function rawGet(path: string, headers: Record<string, string> = {}): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: Number(new URL(host.ready.url).port), path, headers, agent: false });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => resolve(String(error)));
    req.end();
  });
}

async function expectServing(): Promise<void> {
  await sleep(100);
  if (!isAlive(host)) throw new Error(`the host process ended: ${host.stderr.join('').slice(-3000)}`);
  await assertHealthy(host);
}

describe('fuzz findings, fixed', () => {
  beforeAll(async () => {
    dir = tempDir('samskapa-fuzz-regressions-');
    host = await startChildHost({ dataDir: dir.path });
    session = await new ApiClient(host.ready.url, host.ready.facilitatorToken).createSession('Regressions');
  });

  afterAll(async () => {
    if (host) await stopChildHost(host);
    dir?.remove();
  });

  it('a sync step 1 with a malformed state vector is refused with 4400 (it ended the host)', async () => {
    // [sync, step 1, 4 bytes of state vector that promise more than they hold]
    const message = concatBytes([0, 0], varUint(4), [0xf6, 0x0b, 0x2e, 0x81]);
    const code = await closeOf(`${wsBase()}/sync/${session.id}/board?token=${host.ready.facilitatorToken}`, [message]);
    expect(code).toBe(CLOSE_CODES.badMessage);
    await expectServing();
  });

  it('a malformed escape in the sync path is refused with 4404, before any token (it ended the host)', async () => {
    for (const path of ['/sync/%ff/board', `/sync/${session.id}/%E0%A4%A`, '/sync/%/%']) {
      expect(await closeOf(`${wsBase()}${path}`)).toBe(CLOSE_CODES.notFound);
      expect(await closeOf(`${wsBase()}${path}?token=${host.ready.facilitatorToken}`)).toBe(CLOSE_CODES.notFound);
    }
    await expectServing();
  });

  it('a request target that is not a path ("//%zz/…") is a 404, not a 500, also as an upgrade (it ended the host)', async () => {
    const upgrade = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };
    expect(await rawGet('//%zz/sync/x/board', upgrade)).toBe(404);
    await expectServing();
    const status = await rawGet('//%zz/api/health');
    expect(typeof status === 'number' && status < 500).toBe(true);
    expect(await rawGet(`//%zz/api/sessions`, { Authorization: `Bearer ${host.ready.facilitatorToken}` })).not.toBe(500);
    await expectServing();
  });

  describe('session JSON imports (tests/fuzz/session-imports.fuzz.test.ts)', () => {
    const importing = async (file: unknown): Promise<{ status: number; body: { error?: string; details?: string[] } }> => {
      const before = await hostState(host, dir.path);
      const res = await httpCall(host.ready.url, 'POST', '/api/sessions/import', {
        headers: { Authorization: `Bearer ${host.ready.facilitatorToken}`, 'Content-Type': 'application/json' },
        body: typeof file === 'string' ? file : JSON.stringify(file),
      });
      await expectServing();
      if (res.status >= 400) expect(await hostState(host, dir.path), 'nothing stored').toEqual(before);
      return { status: res.status, body: JSON.parse(res.text) as { error?: string; details?: string[] } };
    };
    const seed = async (): Promise<SessionExport> => {
      const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
      const s = await api.json<SessionSummary>('POST', '/api/sessions', { title: 'Med agenda', template: 'co-design-2h-sv' }, 201);
      const res = await httpCall(host.ready.url, 'GET', `/api/sessions/${s.id}/export?format=json`, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` } });
      return JSON.parse(res.text) as SessionExport;
    };

    it('a document nested thousands of levels deep is refused, named (the schema check overflowed the stack: 500)', async () => {
      const file = await seed();
      let deep: unknown = 'bunn';
      for (let i = 0; i < 3000; i++) deep = { v: deep };
      (file.documents.control.maps as Record<string, unknown>).deep = { value: deep };
      const res = await importing(file);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details?.join(' ')).toMatch(/nested deeper than \d+ levels/);
    });

    it('a map value with its own "constructor" key is refused, named (Yjs threw "Unexpected content type": 500)', async () => {
      const file = await seed();
      const text = JSON.stringify(file).replace('"maps":{', '"maps":{"trap":{"x":{"constructor":{"v":1}}},');
      const res = await importing(text);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details?.join(' ')).toMatch(/^documents\.control: a value cannot be stored/);
    });

    it('an agenda step the app would not make (no title, a 41-character type) is refused, named (it was stored and its report was a 500)', async () => {
      const file = await seed();
      const agenda = file.documents.control.arrays.agenda as Record<string, unknown>[];
      delete agenda[0]!.title;
      agenda[1]!.type = 'x'.repeat(41);
      const res = await importing(file);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.stringMatching(/^documents\.control\.arrays\.agenda\.0\.title: /), expect.stringMatching(/^documents\.control\.arrays\.agenda\.1\.type: /)]));
      // The seed itself is taken, and its report is made.
      const taken = await importing(await seed());
      expect(taken.status).toBe(201);
      const report = await httpCall(host.ready.url, 'GET', `/api/sessions/${String((taken.body as { id?: string }).id)}/export?format=md`, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` } });
      expect(report.status).toBe(200);
    });


    it('a group whose title is not text is refused, named (it was stored and its report was a 500)', async () => {
      const file = await seed();
      const id = 'grupp-utan-titel';
      (file.documents.control.maps as Record<string, Record<string, unknown>>).clusters = { [id]: { id, stepId: 'steg', title: [1, 'x'], noteIds: [], order: 0 } };
      const res = await importing(file);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details?.join(' ')).toMatch(/^documents\.control\.maps\.clusters\.grupp-utan-titel\.title: /);
    });

    it('a 400,000-letter group title: the personal-data check answers (its e-mail pattern was quadratic and held the host for minutes)', async () => {
      const file = await seed();
      const id = 'lang-titel';
      (file.documents.control.maps as Record<string, Record<string, unknown>>).clusters = { [id]: { id, stepId: 'steg', title: 'ö'.repeat(400_000), noteIds: [], order: 0 } };
      const res = await importing(file);
      expect(res.status).toBe(201);
      const check = await httpCall(host.ready.url, 'GET', `/api/sessions/${String((res.body as { id?: string }).id)}/export/check`, { headers: { Authorization: `Bearer ${host.ready.facilitatorToken}` }, timeoutMs: 30_000 });
      expect(check.status).toBe(200);
      await expectServing();
    });

    it('seven-questions results the report cannot read are refused before anything is written (stored, every export was a 500)', async () => {
      const file = await seed();
      const agenda = file.documents.control.arrays.agenda as Record<string, unknown>[];
      agenda.push({ id: 'sju', type: 'seven-questions', title: 'Sju frågor', instructions: '', minutes: 10, materials: '', groupMode: 'room', skipped: false, config: {} });
      (file.documents.control.maps as Record<string, Record<string, unknown>>).sevenResults = { sju: { stepId: 'sju', sides: {} } };
      const res = await importing(file);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details?.join(' ')).toMatch(/^documents: the session's report cannot be made from this file/);
    });

    it('a session title in the control document longer than a session may have is refused, named (its export was not a valid export)', async () => {
      const file = await seed();
      (file.documents.control.maps as Record<string, Record<string, unknown>>).session = { title: 'å'.repeat(201), createdAt: 1 };
      const res = await importing(file);
      expect(res.status).toBe(400);
      expect(res.body.details?.join(' ')).toMatch(/^documents\.control\.maps\.session\.title: /);
    });

    it('an improvement with no room for one more workshop link is refused before the session is written (the session was stored behind a 400)', async () => {
      const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
      const file = await seed();
      const made = await api.json<{ id: string }>('POST', '/api/improvements', { title: 'Full' }, 201);
      const improvement = (await api.json<{ improvement: Record<string, unknown> }>('GET', `/api/improvements/${made.id}/export`)).improvement;
      const sessions = Array.from({ length: 200 }, (_, i) => ({ sessionId: `s${i}`, title: `Verkstad ${i}`, linkedAt: 1 }));
      const res = await importing({ ...file, improvements: [{ ...improvement, id: 'ingen-har-denna', sessions }] });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid-session-export');
      expect(res.body.details?.join(' ')).toMatch(/^improvements\.0: already linked to 200 workshops/);
    });
  });

  it('what a client sent after its refusal is ignored: no presence outlives the socket', async () => {
    // A malformed message, then presence for client 424242 in the same burst.
    const state = new TextEncoder().encode(JSON.stringify({ user: { name: 'kvar' } }));
    const presence = concatBytes([1], varUint(1 + 3 + 1 + varUint(state.length).length + state.length), [1], varUint(424242), [1], varUint(state.length), state);
    const code = await closeOf(`${wsBase()}/sync/${session.id}/board?token=${host.ready.facilitatorToken}`, [new Uint8Array([0xff, 0xff]), presence]);
    expect(code).toBe(CLOSE_CODES.badMessage);
    const client = connectClient(host.ready.url, session.id, 'board', host.ready.facilitatorToken);
    try {
      await client.whenSynced();
      await sleep(200);
      expect(client.provider.awareness.getStates().has(424242)).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
