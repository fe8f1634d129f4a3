import { ERROR_CODES, type ErrorCode } from '../../core/errors';

/** What the renderer can show for a failed call: a host error code, or one of its own. */
export type ApiErrorCode = ErrorCode | 'network' | 'unknown';

/** A failed API call. `code` maps to the `error.<code>` translation; the host's message is not shown. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Any thrown value as an error code to translate. */
export function errorCodeOf(error: unknown): ApiErrorCode {
  return error instanceof ApiError ? error.code : 'unknown';
}
