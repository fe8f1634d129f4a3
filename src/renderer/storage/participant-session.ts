/**
 * A participant's membership of a session, kept in localStorage (one key per session) so a reload,
 * a locked phone or a closed tab comes straight back to the board. The token is checked against
 * `GET /api/me` on load; a 401 forgets it.
 */
import type { JoinResponse } from '../../contracts/http';
import { isParticipantRole } from '../../core/roles';
import { readJson, readString, removeKey, writeJson, writeString } from './local-store';

export type ParticipantSession = JoinResponse & { readonly joinedAt: number };

const CURRENT_KEY = 'samskapa:current-session';
const sessionKey = (sessionId: string) => `samskapa:participant:${sessionId}`;

/**
 * A record stored before pseudonyms has none: it is read with an empty one, and ParticipantApp
 * fills it in from `GET /api/me` before the board opens (until then votes and marks cannot be
 * keyed, and the host would refuse them).
 */
function isParticipantSession(value: unknown): value is Omit<ParticipantSession, 'pseudonym'> & { pseudonym?: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.pseudonym === undefined || typeof v.pseudonym === 'string') &&
    typeof v.sessionId === 'string' &&
    typeof v.sessionTitle === 'string' &&
    typeof v.token === 'string' &&
    typeof v.participantId === 'string' &&
    (v.name === null || typeof v.name === 'string') &&
    isParticipantRole(v.role) &&
    typeof v.anonymous === 'boolean'
  );
}

export function saveParticipantSession(joined: JoinResponse): ParticipantSession {
  const record: ParticipantSession = { ...joined, joinedAt: Date.now() };
  writeJson(sessionKey(joined.sessionId), record);
  writeString(CURRENT_KEY, joined.sessionId);
  return record;
}

export function loadParticipantSession(sessionId: string): ParticipantSession | null {
  const value = readJson(sessionKey(sessionId));
  return isParticipantSession(value) ? { ...value, pseudonym: value.pseudonym ?? '' } : null;
}

/** Stores the pseudonym the host gave (`GET /api/me`) in a record from before pseudonyms. */
export function withPseudonym(record: ParticipantSession, pseudonym: string): ParticipantSession {
  if (record.pseudonym === pseudonym) return record;
  const updated: ParticipantSession = { ...record, pseudonym };
  writeJson(sessionKey(record.sessionId), updated);
  return updated;
}

/** The session this device joined last, if its record is still here. */
export function currentParticipantSession(): ParticipantSession | null {
  const id = readString(CURRENT_KEY);
  return id ? loadParticipantSession(id) : null;
}

/** Forgets the token (it was refused). The board's notes stay in IndexedDB. */
export function forgetParticipantSession(sessionId: string): void {
  removeKey(sessionKey(sessionId));
  if (readString(CURRENT_KEY) === sessionId) removeKey(CURRENT_KEY);
}

/** Stops returning to this session automatically (e.g. it was closed), keeping the record. */
export function leaveCurrentSession(): void {
  removeKey(CURRENT_KEY);
}
