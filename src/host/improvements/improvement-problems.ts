import type { z } from 'zod';
import { DomainError } from '../../core/errors';
import type { ErrorCode } from '../../core/errors';

/** At most this many problems go back to the person: a hostile body can have a million; the first ones tell enough. */
export const MAX_PROBLEMS_SHOWN = 50;

/**
 * Each zod problem as `path: message` (as the template import reports them), so the person sees
 * which field is wrong and why; "(improvement)" stands for the whole value.
 */
export function describeIssues(error: z.ZodError, root = '(improvement)'): string[] {
  const lines = error.issues.slice(0, MAX_PROBLEMS_SHOWN).map((issue) => `${issue.path.map(String).join('.') || root}: ${issue.message}`);
  const more = error.issues.length - MAX_PROBLEMS_SHOWN;
  if (more > 0) lines.push(`… and ${more} more`);
  return lines;
}

/** Parses `value`, or throws `code` with every problem listed. */
export function parseOrReject<T extends z.ZodType>(schema: T, value: unknown, code: ErrorCode = 'invalid-improvement', root?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error, root);
  throw new DomainError(code, problems.join('; '), problems);
}
