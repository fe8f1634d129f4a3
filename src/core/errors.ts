/**
 * Machine codes for everything that can go wrong at a boundary. They never carry human text:
 * the renderer translates them (`error.<code>`), the host pairs each with a message in the
 * request's language.
 */
export const ERROR_CODES = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'wrong-code',
  'code-expired',
  'too-many-attempts',
  'session-not-shared',
  'session-unavailable',
  'session-corrupt',
  'session-too-new',
  'session-read-only',
  'storage-failed',
  'payload-too-large',
  'address-unavailable',
  'invalid-template',
  'step-closed',
  'revision-conflict',
  'improvement-not-found',
  'improvement-corrupt',
  'improvement-too-new',
  'invalid-improvement',
  'contribution-unavailable',
  'invalid-session-export',
  'invalid-archive',
  'format-unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A domain failure with a machine code; the boundary decides the status code and the words. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    /** What exactly was wrong, for the person (e.g. each field of a refused file); sent as `details`. */
    readonly problems?: readonly string[],
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}
