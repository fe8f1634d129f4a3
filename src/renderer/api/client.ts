/**
 * The renderer's only door to the host's HTTP API (docs/host-api.md). Bodies are parsed with the
 * zod schemas in src/contracts, so a host/renderer mismatch fails loudly here, not deep in a screen.
 */
import { currentLanguage } from '../i18n';
import { ApiError, isErrorCode } from './api-error';

/** The part of a zod schema the client uses (the renderer does not import zod itself). */
export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A parser for a JSON array whose every item passes `item`. */
export function arrayOf<T>(item: Parser<T>): Parser<T[]> {
  return {
    safeParse(data) {
      if (!Array.isArray(data)) return { success: false };
      const out: T[] = [];
      for (const value of data) {
        const parsed = item.safeParse(value);
        if (!parsed.success) return { success: false };
        out.push(parsed.data);
      }
      return { success: true, data: out };
    },
  };
}

/** `{ ok: true }`, the answer of actions that return nothing else. */
export const okParser: Parser<true> = {
  safeParse: (data) =>
    typeof data === 'object' && data !== null && (data as { ok?: unknown }).ok === true
      ? { success: true, data: true }
      : { success: false },
};

interface RequestOptions<T> {
  readonly token?: string | null;
  readonly body?: unknown;
  readonly schema: Parser<T>;
  readonly signal?: AbortSignal;
}

async function readError(response: Response): Promise<ApiError> {
  let code: unknown = null;
  try {
    const body = (await response.json()) as { error?: unknown };
    code = body.error;
  } catch {
    // Not JSON (a proxy page, a crash): fall through to a status-based code.
  }
  if (isErrorCode(code)) return new ApiError(code, response.status);
  if (response.status === 401) return new ApiError('unauthorized', 401);
  if (response.status === 404) return new ApiError('not-found', 404);
  return new ApiError('unknown', response.status);
}

export async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  { token, body, schema, signal }: RequestOptions<T>,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  headers['Accept-Language'] = currentLanguage();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await readError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError('unknown', response.status);
  return parsed.data;
}
