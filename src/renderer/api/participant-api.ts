/** The calls a participant's browser makes: look up a join code or link, join, check a token. */
import {
  HealthSchema,
  PrivateNoteResponseSchema,
  type Health,
  type PrivateNoteResponse,
  JoinInfoSchema,
  JoinResponseSchema,
  MeSchema,
  RetiredLineageSchema,
  type JoinBody,
  type JoinInfo,
  type JoinResponse,
  type Me,
} from '../../contracts/http';
import { ContentPackSchema, PACK_KINDS, type ContentPack, type PackSummary } from '../../core/instruments/content-pack';
import { arrayOf, request, type Parser } from './client';
import { AnswersResponseSchema, type AnswersBody, type AnswersResponse } from '../../contracts/instruments';

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

/**
 * The state vector a document's earlier lineages ended with (`GET /api/sessions/:id/lineage/:doc`),
 * decoded to client → clock: what a device's old copy holds beyond it never reached the host.
 */
export async function fetchRetiredLineage(sessionId: string, doc: 'board' | 'control', token: string): Promise<Uint8Array> {
  const { stateVector } = await request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/lineage/${doc}`, { token, schema: RetiredLineageSchema });
  return Uint8Array.from(atob(stateVector), (c) => c.charCodeAt(0));
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

/* ── Instruments (issue #4): content packs and reflection answers; any token may read packs ── */

/** `GET /api/content-packs`: a short listing of every pack the host loaded. */
export function fetchContentPackList(token: string, signal?: AbortSignal): Promise<PackSummary[]> {
  return request('GET', '/api/content-packs', { token, schema: arrayOf(packSummaryParser), ...(signal ? { signal } : {}) });
}

/** `GET /api/content-packs/:id`: the whole pack, checked against the core's pack schema. */
export function fetchContentPack(token: string, id: string, signal?: AbortSignal): Promise<ContentPack> {
  return request('GET', `/api/content-packs/${encodeURIComponent(id)}`, {
    token,
    schema: ContentPackSchema,
    ...(signal ? { signal } : {}),
  });
}

/** A reflection answer (or any private note answering one of the step's questions). */
export function sendPrivateAnswer(
  token: string,
  sessionId: string,
  stepId: string,
  text: string,
  questionId: string,
): Promise<PrivateNoteResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/private-notes`, {
    token,
    body: { stepId, text, questionId },
    schema: PrivateNoteResponseSchema,
  });
}

function isLocalized(value: unknown): value is { sv: string; en: string } {
  const v = value as { sv?: unknown; en?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.sv === 'string' && typeof v.en === 'string';
}

const packSummaryParser: Parser<PackSummary> = {
  safeParse(data) {
    const v = data as Partial<Record<keyof PackSummary, unknown>> | null;
    const ok =
      typeof v === 'object' &&
      v !== null &&
      typeof v.id === 'string' &&
      typeof v.kind === 'string' &&
      (PACK_KINDS as readonly string[]).includes(v.kind) &&
      isLocalized(v.title) &&
      isLocalized(v.description) &&
      isLocalized(v.source);
    return ok ? { success: true, data: data as PackSummary } : { success: false };
  },
};

/* ── Instruments (issue #4): the seven questions' answers (docs/host-api.md) ── */

/** The seven questions: all of my answers now (a new call replaces the earlier ones). */
export function sendSevenAnswers(token: string, sessionId: string, body: AnswersBody): Promise<AnswersResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/answers`, { token, body, schema: AnswersResponseSchema });
}

/** My own stored answers to a seven-questions step (empty once the results are published). */
export function fetchOwnSevenAnswers(token: string, sessionId: string, stepId: string): Promise<AnswersResponse> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/answers/${encodeURIComponent(stepId)}`, { token, schema: AnswersResponseSchema });
}
