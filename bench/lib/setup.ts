import { randomBytes } from 'node:crypto';
import type { JoinResponse, SessionSummary, ShareResponse } from '../../src/contracts/http';
import type { NoteAuthor } from '../../src/core/workshop/board';
import { PARTICIPANT_ROLES } from '../../src/core/roles';
import type { ServerProcess } from './processes';

export interface Participant {
  readonly token?: string;
  readonly participantId?: string;
  readonly author: NoteAuthor;
}

export interface Room {
  readonly wsBase: string;
  /** `<sessionId>/board` */
  readonly room: string;
  readonly sessionId: string;
  readonly participants: readonly Participant[];
  /** The facilitator token on our host; undefined on the reference. */
  readonly facilitatorToken?: string;
}

async function call<T>(url: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export function createSession(host: ServerProcess, title: string): Promise<SessionSummary> {
  return call(host.url, 'POST', '/api/sessions', host.token, { title });
}

/**
 * A session on our host, shared on 127.0.0.1, with `count` participants who joined through
 * POST /api/join (named, roles in turn): their notes carry the author fields the host enforces.
 */
export async function hostRoom(host: ServerProcess, count: number): Promise<Room> {
  const session = await createSession(host, `bench ${new Date().toISOString()}`);
  const share = await call<ShareResponse>(host.url, 'POST', `/api/sessions/${session.id}/share`, host.token, { address: '127.0.0.1' });
  const participants: Participant[] = [];
  for (let i = 0; i < count; i++) {
    const role = PARTICIPANT_ROLES[i % PARTICIPANT_ROLES.length]!;
    const joined = await call<JoinResponse>(host.url, 'POST', '/api/join', undefined, { secret: share.joinSecret, name: `Deltagare ${i + 1}`, role });
    participants.push({ token: joined.token, participantId: joined.participantId, author: { role: joined.role, anonymous: false, name: joined.name ?? undefined, pseudonym: joined.pseudonym } });
  }
  return { wsBase: wsOf(host.url), room: `${session.id}/board`, sessionId: session.id, participants, facilitatorToken: host.token };
}

/** The same room on the reference server: same document name and author fields, no tokens. */
export function referenceRoom(reference: ServerProcess, like: Room): Room {
  return { ...like, wsBase: wsOf(reference.url), participants: like.participants.map((p) => ({ author: p.author })), facilitatorToken: undefined };
}

/** A fresh random session-like id (the reference keeps every room in memory: runs must not share one). */
export function randomSessionId(): string {
  return randomBytes(8).toString('hex');
}

export function wsOf(url: string): string {
  return url.replace(/^http/, 'ws');
}
