/**
 * The facilitator's calls for improvements and PDSA cycles (issue #5; routes in
 * src/contracts/improvements.ts). Bodies are parsed with the contract's zod schemas, so a
 * host/renderer mismatch fails here, not deep in a screen.
 *
 * Not all of them go through `request()`: a save must tell a stale revision (409) apart from other
 * refusals, a delete answers 204 with no body, and the export is downloaded as the host wrote it.
 */
import {
  ImprovementSummarySchema,
  type AddChangeIdeaBody,
  type AddPointsBody,
  type CreateImprovementBody,
  type ImprovementSummary,
  RevisionSummarySchema,
  type RevisionSummary,
} from '../../contracts/improvements';
import { ImprovementSchema, type Improvement } from '../../core/improvement/model';
import { currentLanguage } from '../i18n';
import { ApiError, isErrorCode } from './api-error';
import { arrayOf, request } from './client';

const base = '/api/improvements';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listImprovements(token: string): Promise<ImprovementSummary[]> {
  return request('GET', base, { token, schema: arrayOf(ImprovementSummarySchema) });
}

/** The improvements a workshop works on (linked to it). */
export function listSessionImprovements(token: string, sessionId: string): Promise<ImprovementSummary[]> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/improvements`, {
    token,
    schema: arrayOf(ImprovementSummarySchema),
  });
}

export function createImprovement(token: string, body: CreateImprovementBody): Promise<Improvement> {
  return request('POST', base, { token, body, schema: ImprovementSchema });
}

export function getImprovement(token: string, id: string): Promise<Improvement> {
  return request('GET', one(id), { token, schema: ImprovementSchema });
}

/** The one click: a workshop contribution (or typed text) becomes a change idea, with its roots. */
export function addChangeIdea(token: string, id: string, body: AddChangeIdeaBody): Promise<Improvement> {
  return request('POST', `${one(id)}/change-ideas`, { token, body, schema: ImprovementSchema });
}

export function addPoints(token: string, id: string, measureId: string, body: AddPointsBody): Promise<Improvement> {
  return request('POST', `${one(id)}/measures/${encodeURIComponent(measureId)}/points`, {
    token,
    body,
    schema: ImprovementSchema,
  });
}

/** A follow-up workshop opens an existing improvement: the link is kept in the improvement. */
export function linkSession(token: string, id: string, sessionId: string): Promise<Improvement> {
  return request('POST', `${one(id)}/sessions`, { token, body: { sessionId }, schema: ImprovementSchema });
}

/** Every saved revision's number and time, newest first (the host keeps them all). */
export function listRevisions(token: string, id: string): Promise<RevisionSummary[]> {
  return request('GET', `${one(id)}/revisions`, { token, schema: arrayOf(RevisionSummarySchema) });
}

/** One saved revision's content, as it was saved. */
export function getRevision(token: string, id: string, revision: number): Promise<Improvement> {
  return request('GET', `${one(id)}/revisions/${revision}`, { token, schema: ImprovementSchema });
}

/** Someone saved the improvement after this edit started: the edit's revision is stale. */
export class RevisionConflictError extends ApiError {
  constructor() {
    super('bad-request', 409);
    this.name = 'RevisionConflictError';
  }
}

async function send(method: 'PUT' | 'DELETE' | 'GET' | 'POST', path: string, token: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    Authorization: `Bearer ${token}`,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body ?? null, cache: 'no-store' });
  } catch {
    throw new ApiError('network', 0);
  }
  if (response.ok) return response;
  if (response.status === 409) throw new RevisionConflictError();
  let code: unknown = null;
  try {
    code = ((await response.json()) as { error?: unknown }).error;
  } catch {
    // Not JSON: the status decides below.
  }
  if (isErrorCode(code)) throw new ApiError(code, response.status);
  if (response.status === 404) throw new ApiError('not-found', 404);
  if (response.status === 413) throw new ApiError('payload-too-large', 413);
  throw new ApiError('unknown', response.status);
}

async function improvementFrom(response: Response): Promise<Improvement> {
  const parsed = ImprovementSchema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError('unknown', response.status);
  return parsed.data;
}

/**
 * Saves the whole improvement as edited. `revision` is the one the edit started from; when someone
 * saved in between, this throws `RevisionConflictError` and nothing is overwritten.
 */
export async function saveImprovement(token: string, improvement: Improvement, revision: number): Promise<Improvement> {
  const response = await send('PUT', one(improvement.id), token, JSON.stringify({ revision, improvement }));
  return improvementFrom(response);
}

export async function deleteImprovement(token: string, id: string): Promise<void> {
  await send('DELETE', one(id), token);
}

/** The export file as the host wrote it (a Blob, to be saved with an `<a download>`). */
export async function exportImprovement(token: string, id: string): Promise<Blob> {
  const response = await send('GET', `${one(id)}/export`, token);
  return response.blob();
}

/** Imports an export file's text; the host validates it (a taken id gets a new one). */
export async function importImprovement(token: string, fileText: string): Promise<Improvement> {
  const response = await send('POST', `${base}/import`, token, fileText);
  return improvementFrom(response);
}

/**
 * Brings back an earlier revision as a new one. `current` is the revision shown; when someone saved
 * in between, this throws `RevisionConflictError` and nothing is written.
 */
export async function restoreRevision(token: string, id: string, revision: number, current: number): Promise<Improvement> {
  const response = await send('POST', `${one(id)}/revisions/${revision}/restore`, token, JSON.stringify({ revision: current }));
  return improvementFrom(response);
}
