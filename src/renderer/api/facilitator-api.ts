/** The facilitator's calls (Bearer facilitator token). Loaded only with the facilitator screens. */
import {
  ErrorBodySchema,
  NetworkSchema,
  SessionSummarySchema,
  ShareResponseSchema,
  TemplateSummarySchema,
  type CreateSessionBody,
  type Network,
  type SaveTemplateBody,
  type SessionSummary,
  type ShareResponse,
  type TemplateSummary,
} from '../../contracts/http';
import { RevealResponseSchema, type RevealResponse } from '../../contracts/http';
import { currentLanguage } from '../i18n';
import { ApiError } from './api-error';
import { arrayOf, okParser, request, type Parser } from './client';
import type { SevenQuestionsResult } from '../../core/instruments/seven-questions-results';
import { CompareMatricesResponseSchema, type CompareMatricesBody, type CompareMatricesResponse } from '../../contracts/instruments';

export function listSessions(token: string): Promise<SessionSummary[]> {
  return request('GET', '/api/sessions', { token, schema: arrayOf(SessionSummarySchema) });
}

/** Creates a session; with `template` (a template id), the template's steps become the agenda. */
export function createSession(
  token: string,
  title: string,
  template?: string | null,
): Promise<SessionSummary> {
  const body: CreateSessionBody = template ? { title, template } : { title };
  return request('POST', '/api/sessions', { token, body, schema: SessionSummarySchema });
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

/* ── Templates and save-as-template (docs/host-api.md, "Facilitation (issue #3)") ── */

export function listTemplates(token: string): Promise<TemplateSummary[]> {
  return request('GET', '/api/templates', { token, schema: arrayOf(TemplateSummarySchema) });
}

/** A template file as JSON text, ready to download (the host's own shape, pretty-printed). */
export async function getTemplateFile(token: string, id: string): Promise<string> {
  const value = await request('GET', `/api/templates/${encodeURIComponent(id)}`, {
    token,
    schema: anyObject,
  });
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function deleteTemplate(token: string, id: string): Promise<void> {
  return request('DELETE', `/api/templates/${encodeURIComponent(id)}`, {
    token,
    schema: okParser,
  }).then(() => undefined);
}

export function saveAsTemplate(
  token: string,
  sessionId: string,
  body: SaveTemplateBody,
): Promise<TemplateSummary> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/save-as-template`, {
    token,
    body,
    schema: TemplateSummarySchema,
  });
}

/** A refused template file: `details` names each problem ("steps.2.minutes: …"). */
export class TemplateRefusedError extends ApiError {
  constructor(
    code: ApiError['code'],
    status: number,
    readonly details: readonly string[],
  ) {
    super(code, status);
    this.name = 'TemplateRefusedError';
  }
}

/**
 * Imports a template file's text. Not through `request()`: the file is sent as it is (the host
 * parses it), and a refusal's `details` list must reach the screen.
 */
export async function importTemplate(token: string, fileText: string): Promise<TemplateSummary> {
  let response: Response;
  try {
    response = await fetch('/api/templates', {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: fileText,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: handled below by the status.
  }
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      throw new TemplateRefusedError(parsed.data.error, response.status, parsed.data.details ?? []);
    }
    throw new ApiError(response.status === 413 ? 'payload-too-large' : 'unknown', response.status);
  }
  const summary = TemplateSummarySchema.safeParse(body);
  if (!summary.success) throw new ApiError('unknown', response.status);
  return summary.data;
}

const anyObject: Parser<Record<string, unknown>> = {
  safeParse: (data) =>
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? { success: true, data: data as Record<string, unknown> }
      : { success: false },
};

/** Silent writing: moves a step's private notes from the vault onto the board (issue #3). */
export function revealStep(token: string, sessionId: string, stepId: string): Promise<RevealResponse> {
  return request(
    'POST',
    `/api/sessions/${encodeURIComponent(sessionId)}/steps/${encodeURIComponent(stepId)}/reveal`,
    { token, body: {}, schema: RevealResponseSchema },
  );
}

/** Moves a note off the board into the facilitator-only vault (never deleted). */
export function hideNote(token: string, sessionId: string, noteId: string): Promise<void> {
  return request(
    'POST',
    `/api/sessions/${encodeURIComponent(sessionId)}/notes/${encodeURIComponent(noteId)}/hide`,
    { token, body: {}, schema: okParser },
  ).then(() => undefined);
}

/** Puts a hidden note back on the board. */
export function restoreNote(token: string, sessionId: string, noteId: string): Promise<void> {
  return request(
    'POST',
    `/api/sessions/${encodeURIComponent(sessionId)}/notes/${encodeURIComponent(noteId)}/restore`,
    { token, body: {}, schema: okParser },
  ).then(() => undefined);
}

/* ── Instruments (issue #4) ── */

/** Publishes a seven-questions step's counts (small-group rule applied) and closes it for answers. */
export function publishSevenResults(token: string, sessionId: string, stepId: string): Promise<SevenQuestionsResult> {
  return request(
    'POST',
    `/api/sessions/${encodeURIComponent(sessionId)}/steps/${encodeURIComponent(stepId)}/results`,
    { token, body: {}, schema: sevenResultParser },
  );
}

const sevenResultParser: Parser<SevenQuestionsResult> = {
  safeParse: (data) =>
    typeof data === 'object' && data !== null && typeof (data as { stepId?: unknown }).stepId === 'string'
      ? { success: true, data: data as SevenQuestionsResult }
      : { success: false },
};

/** Two dates of the same team's partnership matrix, cell by cell. */
export function comparePartnershipMatrices(token: string, body: CompareMatricesBody): Promise<CompareMatricesResponse> {
  return request('POST', '/api/partnership-matrix/compare', { token, body, schema: CompareMatricesResponseSchema });
}
