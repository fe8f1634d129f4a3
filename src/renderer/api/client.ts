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

/** The file name the host chose: `filename*` (UTF-8, Swedish letters kept), else the ASCII `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A broken encoding: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** A file the host sends (an export, a handout PDF) and the name it gave it. */
export interface HostFile {
  readonly blob: Blob;
  readonly name: string;
}

/**
 * GETs a file with the facilitator's token. `lang` is the file's language, which may differ from
 * the UI's (a report in English from a Swedish screen); `fallbackName` is used when the host names none.
 */
export async function fetchFile(path: string, { token, lang, fallbackName }: { readonly token: string; readonly lang: 'sv' | 'en'; readonly fallbackName: string }): Promise<HostFile> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang }, cache: 'no-store' });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await readError(response);
  return { blob: await response.blob(), name: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
}
