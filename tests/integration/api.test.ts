import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, JoinResponseSchema, SessionSummarySchema, ShareResponseSchema } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';

describe('HTTP API (HOST-CONTRACT.md)', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost({
      attemptLimits: { windowMs: 60_000, freeFailures: 2, maxFailures: 4, delayStepMs: 10, globalMaxFailures: 1000 },
    });
  });
  afterEach(async () => t.dispose());

  it('answers health without a token', async () => {
    const health = await new ApiClient(t.host.url).json<{ ok: boolean }>('GET', '/api/health');
    expect(health.ok).toBe(true);
  });

  it('listens on loopback only until a session is shared', () => {
    expect(t.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('creates, lists and reads sessions with the facilitator token', async () => {
    const created = SessionSummarySchema.parse(await t.api.createSession('Hjärtsviktsmottagningen – workshop'));
    expect(created.title).toBe('Hjärtsviktsmottagningen – workshop');
    expect(created.shared).toBe(false);
    expect(existsSync(created.file)).toBe(true);
    const list = await t.api.json<unknown[]>('GET', '/api/sessions');
    expect(list.map((s) => SessionSummarySchema.parse(s).id)).toEqual([created.id]);
    const one = await t.api.json<{ id: string }>('GET', `/api/sessions/${created.id}`);
    expect(one.id).toBe(created.id);
  });

  it('refuses facilitator endpoints without, or with a forged, token', async () => {
    const anonymous = await new ApiClient(t.host.url).request('GET', '/api/sessions');
    expect(anonymous.status).toBe(401);
    expect(ErrorBodySchema.parse(await anonymous.json()).error).toBe('unauthorized');
    const forged = await new ApiClient(t.host.url, `f.${'x'.repeat(43)}`).request('POST', '/api/sessions', { title: 'x' });
    expect(forged.status).toBe(401);
  });

  it('refuses a participant token on facilitator endpoints', async () => {
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    const joined = await new ApiClient(t.host.url).join(share.joinCode, 'Anna', 'patient');
    const res = await new ApiClient(t.host.url, joined.token).request('GET', '/api/sessions');
    expect(res.status).toBe(403);
  });

  it('shares a session with a code, a high-entropy link and a QR code', async () => {
    const s = await t.api.createSession('S');
    const share = ShareResponseSchema.parse(await t.api.share(s.id));
    expect(share.joinCode).toMatch(/^\d{6}$/);
    expect(share.joinUrl).toBe(`${t.host.url}/#join=${share.joinSecret}`);
    expect(Buffer.from(share.joinSecret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(share.qrSvg).toContain('<svg');
    expect(share.expiresAt).toBeGreaterThan(Date.now());
    const again = await t.api.share(s.id);
    expect(again.joinCode).toBe(share.joinCode);
    expect((await t.api.json<{ shared: boolean }>('GET', `/api/sessions/${s.id}`)).shared).toBe(true);
  });

  it('lets a participant join by code or by link, with a name and a role', async () => {
    const s = await t.api.createSession('Workshop');
    const share = await t.api.share(s.id);
    const guest = new ApiClient(t.host.url);
    const byCode = JoinResponseSchema.parse(await guest.join(` ${share.joinCode.slice(0, 3)} ${share.joinCode.slice(3)} `, 'Anna', 'patient'));
    expect(byCode).toMatchObject({ sessionId: s.id, sessionTitle: 'Workshop', name: 'Anna', role: 'patient', anonymous: false });
    const bySecret = await guest.json<{ name: string | null; anonymous: boolean }>('POST', '/api/join', {
      secret: share.joinSecret,
      role: 'relative',
      anonymous: true,
      name: 'Bertil',
    });
    expect(bySecret).toMatchObject({ name: null, anonymous: true });
    const me = await new ApiClient(t.host.url, byCode.token).json<{ kind: string; name: string }>('GET', '/api/me');
    expect(me).toMatchObject({ kind: 'participant', name: 'Anna', role: 'patient', sessionId: s.id });
  });

  it('answers a wrong code with a JSON error in the asked language, then slows and refuses', async () => {
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    const wrong = share.joinCode === '000000' ? '111111' : '000000';
    const guest = new ApiClient(t.host.url);
    const first = await guest.request('POST', '/api/join', { code: wrong, role: 'patient' }, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(first.status).toBe(404);
    const body = ErrorBodySchema.parse(await first.json());
    expect(body).toEqual({ error: 'wrong-code', message: 'That code is not right. Check the digits and try again.' });
    const sv = ErrorBodySchema.parse(await (await guest.request('POST', '/api/join', { code: wrong, role: 'patient' })).json());
    expect(sv.message).toMatch(/Koden stämmer inte/);
    await guest.request('POST', '/api/join', { code: wrong, role: 'patient' });
    await guest.request('POST', '/api/join', { code: wrong, role: 'patient' });
    const refused = await guest.request('POST', '/api/join', { code: share.joinCode, role: 'patient' });
    expect(refused.status).toBe(429);
    expect(ErrorBodySchema.parse(await refused.json()).error).toBe('too-many-attempts');
  });

  it('refuses malformed bodies with 400 and keeps serving', async () => {
    const bad = [
      ['POST', '/api/sessions', '{"title":'],
      ['POST', '/api/sessions', { title: '' }],
      ['POST', '/api/sessions', { title: 42 }],
      ['POST', '/api/join', { role: 'king', code: '123456' }],
      ['POST', '/api/join', { role: 'patient' }],
      ['POST', '/api/join', { role: 'patient', code: '123456', secret: 'abc' }],
    ] as const;
    for (const [method, path, body] of bad) {
      const res = await t.api.request(method, path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).error).toBe('bad-request');
    }
    const huge = await t.api.request('POST', '/api/sessions', { title: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect((await t.api.createSession('still fine')).title).toBe('still fine');
  });

  it('answers unknown paths and sessions with JSON 404s', async () => {
    expect((await t.api.request('GET', '/api/nothing')).status).toBe(404);
    const missing = await t.api.request('GET', '/api/sessions/abcdefghijklmnop');
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(await missing.json()).error).toBe('not-found');
    expect((await t.api.request('GET', '/api/sessions/..%2F..%2Fetc')).status).toBe(404);
  });

  it('deletes a session and its file', async () => {
    const s = await t.api.createSession('S');
    await t.api.json('DELETE', `/api/sessions/${s.id}`);
    expect(existsSync(s.file)).toBe(false);
    expect(await t.api.json<unknown[]>('GET', '/api/sessions')).toEqual([]);
  });

  it('stops accepting the code when the session is closed', async () => {
    const s = await t.api.createSession('S');
    const share = await t.api.share(s.id);
    await t.api.json('POST', `/api/sessions/${s.id}/close`);
    const res = await new ApiClient(t.host.url).request('POST', '/api/join', { code: share.joinCode, role: 'staff' });
    expect(res.status).toBe(404);
    expect((await t.api.request('GET', `/api/sessions/${s.id}/share`)).status).toBe(404);
  });

  it('refuses to share on an address this machine does not have', async () => {
    const s = await t.api.createSession('S');
    const res = await t.api.request('POST', `/api/sessions/${s.id}/share`, { address: '203.0.113.7' });
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error).toBe('address-unavailable');
  });
});
