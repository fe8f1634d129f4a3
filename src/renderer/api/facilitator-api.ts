/** The facilitator's calls (Bearer facilitator token). Loaded only with the facilitator screens. */
import {
  NetworkSchema,
  SessionSummarySchema,
  ShareResponseSchema,
  type Network,
  type SessionSummary,
  type ShareResponse,
} from '../../contracts/http';
import { ApiError } from './api-error';
import { arrayOf, okParser, request } from './client';

export function listSessions(token: string): Promise<SessionSummary[]> {
  return request('GET', '/api/sessions', { token, schema: arrayOf(SessionSummarySchema) });
}

export function createSession(token: string, title: string): Promise<SessionSummary> {
  return request('POST', '/api/sessions', { token, body: { title }, schema: SessionSummarySchema });
}

export function getSession(token: string, id: string): Promise<SessionSummary> {
  return request('GET', `/api/sessions/${encodeURIComponent(id)}`, {
    token,
    schema: SessionSummarySchema,
  });
}

export function getNetwork(token: string): Promise<Network> {
  return request('GET', '/api/network', { token, schema: NetworkSchema });
}

export function shareSession(token: string, id: string, address?: string): Promise<ShareResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(id)}/share`, {
    token,
    body: address ? { address } : {},
    schema: ShareResponseSchema,
  });
}

/** The current share of a session, or null when it is not open to the room. */
export async function getShare(token: string, id: string): Promise<ShareResponse | null> {
  try {
    return await request('GET', `/api/sessions/${encodeURIComponent(id)}/share`, {
      token,
      schema: ShareResponseSchema,
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'session-not-shared') {
      return null;
    }
    throw error;
  }
}

export function closeSession(token: string, id: string): Promise<void> {
  return request('POST', `/api/sessions/${encodeURIComponent(id)}/close`, {
    token,
    schema: okParser,
  }).then(() => undefined);
}
