import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../core/errors';
import { MAX_JSON_BODY_BYTES } from './read-body';
import { sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/** Workshop templates: list, export (the file), import, delete. */
export function templateRoutes({ templates }: ApiDeps): Route[] {
  return [
    { method: 'GET', pattern: /^\/api\/templates$/, access: 'facilitator', handle: ({ res }) => sendJson(res, 200, templates.list()) },
    {
      method: 'GET',
      pattern: /^\/api\/templates\/([^/]+)$/,
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, templates.get(params[0] ?? '')),
    },
    {
      method: 'POST',
      pattern: /^\/api\/templates$/,
      access: 'facilitator',
      handle: async ({ req, res }) => sendJson(res, 201, templates.import(await readText(req))),
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/templates\/([^/]+)$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        templates.delete(params[0] ?? '');
        sendJson(res, 200, { ok: true });
      },
    },
  ];
}

/** A template file's text, as uploaded (parsed and checked by the library, which names every problem). */
async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4 * MAX_JSON_BODY_BYTES) throw new DomainError('payload-too-large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
