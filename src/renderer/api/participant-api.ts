/** The calls a participant's browser makes: look up a join code or link, join, check a token. */
import {
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
