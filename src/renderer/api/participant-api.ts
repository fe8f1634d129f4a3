/** The calls a participant's browser makes: look up a join code or link, join, check a token. */
import {
  HealthSchema,
  PrivateNoteResponseSchema,
  type Health,
  type PrivateNoteResponse,
  JoinInfoSchema,
  JoinResponseSchema,
  MeSchema,
  type JoinBody,
  type JoinInfo,
  type JoinResponse,
  type Me,
} from '../../contracts/http';
import { request } from './client';

export type JoinKey = { readonly code: string } | { readonly secret: string };

export function fetchJoinInfo(key: JoinKey, signal?: AbortSignal): Promise<JoinInfo> {
  const query =
    'code' in key ? `code=${encodeURIComponent(key.code)}` : `secret=${encodeURIComponent(key.secret)}`;
  return request('GET', `/api/join/info?${query}`, {
    schema: JoinInfoSchema,
    ...(signal ? { signal } : {}),
  });
}

export function join(body: JoinBody): Promise<JoinResponse> {
  return request('POST', '/api/join', { body, schema: JoinResponseSchema });
}

export function fetchMe(token: string, signal?: AbortSignal): Promise<Me> {
  return request('GET', '/api/me', { token, schema: MeSchema, ...(signal ? { signal } : {}) });
}

/** `GET /api/health`: anyone; its `now` is the host clock that every device's timer follows. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return request('GET', '/api/health', { schema: HealthSchema, ...(signal ? { signal } : {}) });
}

/** Silent writing: the note goes to the host's vault and stays private until the facilitator reveals. */
export function sendPrivateNote(
  token: string,
  sessionId: string,
  stepId: string,
  text: string,
): Promise<PrivateNoteResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/private-notes`, {
    token,
    body: { stepId, text },
    schema: PrivateNoteResponseSchema,
  });
}
