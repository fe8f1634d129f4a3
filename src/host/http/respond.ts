import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../core/errors';
import { errorMessage, languageOf } from './error-messages';

const STATUS: Record<ErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'wrong-code': 404,
  'code-expired': 410,
  'too-many-attempts': 429,
  'session-not-shared': 404,
  'session-unavailable': 503,
  'session-corrupt': 422,
  'session-too-new': 422,
  'session-read-only': 423,
  'storage-failed': 507,
  'payload-too-large': 413,
  'address-unavailable': 400,
  'invalid-template': 400,
  'step-closed': 409,
  'revision-conflict': 409,
  'improvement-not-found': 404,
  'improvement-corrupt': 422,
  'improvement-too-new': 422,
  'invalid-improvement': 400,
  'contribution-unavailable': 422,
  'invalid-session-export': 400,
  'invalid-archive': 422,
  'format-unavailable': 501,
  internal: 500,
};

/** Headers on every answer: nothing cached, nothing sniffed, no referrer leaking a join secret. */
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** `{error, message}` in the caller's language, with the status that fits the code. Never a stack. */
export function sendError(req: IncomingMessage, res: ServerResponse, code: ErrorCode, details?: string[]): void {
  const message = errorMessage(code, languageOf(req.headers['accept-language']));
  sendJson(res, STATUS[code], details ? { error: code, message, details } : { error: code, message });
}

export { COMMON_HEADERS };
