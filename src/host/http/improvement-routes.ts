import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { DomainError } from '../../core/errors';
import type { ErrorCode } from '../../core/errors';
import {
  AddChangeIdeaBodySchema,
  AddPointsBodySchema,
  CreateImprovementBodySchema,
  LinkSessionBodySchema,
  RestoreRevisionBodySchema,
  SaveImprovementBodySchema,
} from '../../contracts/improvements';
import { parseOrReject } from '../improvements/improvement-problems';
import { languageOf } from './error-messages';
import { sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/**
 * A whole improvement is larger than the API's other bodies (a measure may hold 1000 points), so
 * saves and imports may be up to 2 MiB; every other improvement body stays at 64 KiB. Past the
 * limit the body is refused while it is still arriving, before anything is parsed.
 */
export const IMPROVEMENT_BODY_BYTES = 2 * 1024 * 1024;
const SMALL_BODY_BYTES = 64 * 1024;

/** Improvements and PDSA cycles (issue #5), facilitator only; see src/contracts/improvements.ts. */
export function improvementRoutes({ improvements }: ApiDeps): Route[] {
  const id = '([^/]+)';
  return [
    { method: 'GET', pattern: /^\/api\/improvements$/, access: 'facilitator', handle: ({ res }) => sendJson(res, 200, improvements.list()) },
    {
      method: 'POST',
      pattern: /^\/api\/improvements$/,
      access: 'facilitator',
      handle: async ({ req, res }) => sendJson(res, 201, improvements.create(await readBody(req, CreateImprovementBodySchema))),
    },
    {
      method: 'POST',
      pattern: /^\/api\/improvements\/import$/,
      access: 'facilitator',
      handle: async ({ req, res }) => sendJson(res, 201, improvements.importFile(await readText(req, IMPROVEMENT_BODY_BYTES))),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/improvements/${id}$`),
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, improvements.get(params[0] ?? '')),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/api/improvements/${id}$`),
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readBody(req, SaveImprovementBodySchema, IMPROVEMENT_BODY_BYTES, 'invalid-improvement');
        sendJson(res, 200, improvements.save(params[0] ?? '', body.revision, body.improvement));
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/improvements/${id}$`),
      access: 'facilitator',
      handle: ({ res, params }) => {
        improvements.delete(params[0] ?? '');
        res.writeHead(204, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end();
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/improvements/${id}/change-ideas$`),
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readBody(req, AddChangeIdeaBodySchema);
        sendJson(res, 200, improvements.addChangeIdea(params[0] ?? '', body, languageOf(req.headers['accept-language'])));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/improvements/${id}/measures/${id}/points$`),
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readBody(req, AddPointsBodySchema, SMALL_BODY_BYTES * 2);
        sendJson(res, 200, improvements.addPoints(params[0] ?? '', params[1] ?? '', body));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/improvements/${id}/sessions$`),
      access: 'facilitator',
      handle: async ({ req, res, params }) => sendJson(res, 200, improvements.linkSession(params[0] ?? '', (await readBody(req, LinkSessionBodySchema)).sessionId)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/improvements/${id}/export$`),
      access: 'facilitator',
      handle: ({ res, params }) => {
        const file = improvements.exportFile(params[0] ?? '');
        res.setHeader('Content-Disposition', `attachment; filename="improvement-${file.improvement.id}.json"`);
        sendJson(res, 200, file);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/improvements/${id}/revisions$`),
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, improvements.revisions(params[0] ?? '')),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/improvements/${id}/revisions/(\\d{1,9})$`),
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, improvements.revision(params[0] ?? '', Number(params[1]))),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/improvements/${id}/revisions/(\\d{1,9})/restore$`),
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readBody(req, RestoreRevisionBodySchema);
        sendJson(res, 200, improvements.restore(params[0] ?? '', Number(params[1]), body.revision));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/sessions/${id}/improvements$`),
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, improvements.listForSession(params[0] ?? '')),
    },
  ];
}

/** Reads a body of at most `limit` bytes as text; a larger one is refused as it arrives. */
async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError('payload-too-large', `more than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and checks a JSON body; each problem is named in `details` (not just "could not be read"). */
async function readBody<T extends z.ZodType>(req: IncomingMessage, schema: T, limit = SMALL_BODY_BYTES, code: ErrorCode = 'bad-request'): Promise<z.infer<T>> {
  const text = await readText(req, limit);
  let value: unknown;
  try {
    value = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new DomainError(code, 'body is not JSON', ['(body): not JSON']);
  }
  return parseOrReject(schema, value, code, '(body)');
}
