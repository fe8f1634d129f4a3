import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { DomainError } from '../../core/errors';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Reads and parses a JSON body against a schema. Empty body parses as `undefined`. */
export async function readJson<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY_BYTES) throw new DomainError('payload-too-large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new DomainError('bad-request', 'body is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError('bad-request', parsed.error.message);
  return parsed.data;
}
