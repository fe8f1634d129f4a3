import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ExportQuerySchema } from '../../contracts/exports';
import { DomainError } from '../../core/errors';
import { ARCHIVE_MAX_BYTES } from '../exports/session-archive';
import { ExportService } from '../exports/export-service';
import type { ExportFile } from '../exports/export-service';
import { contentDisposition } from '../exports/formats';
import { languageOf } from './error-messages';
import type { HostLanguage } from './error-messages';
import { COMMON_HEADERS, sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/** A session export can be large (every note of a long workshop); an archive larger still. */
export const MAX_IMPORT_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Exports and imports of sessions (issue #6, HOST-CONTRACT.md): reports and data files, the JSON
 * export and its import, archives, and the personal-data check. Facilitator only.
 */
export function exportRoutes(deps: ApiDeps): Route[] {
  const service = new ExportService({ manager: deps.manager, contentPacks: deps.contentPacks, improvements: deps.improvements });
  const lang = (url: URL, req: IncomingMessage): HostLanguage => {
    const asked = url.searchParams.get('lang');
    return asked === 'sv' || asked === 'en' ? asked : languageOf(req.headers['accept-language']);
  };
  return [
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/export$/,
      access: 'facilitator',
      handle: async ({ req, res, params, url }) => {
        const query = ExportQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw new DomainError('bad-request', query.error.message, query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
        sendFile(res, await service.export(params[0] ?? '', query.data, lang(url, req)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/export\/check$/,
      access: 'facilitator',
      handle: ({ req, res, params, url }) => sendJson(res, 200, service.check(params[0] ?? '', lang(url, req))),
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/archive$/,
      access: 'facilitator',
      handle: ({ res, params }) => sendFile(res, service.archive(params[0] ?? '')),
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/import$/,
      access: 'facilitator',
      handle: async ({ req, res }) => {
        const bytes = await readRaw(req, MAX_IMPORT_JSON_BYTES);
        sendJson(res, 201, service.importJson(Buffer.from(bytes).toString('utf8')));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/import-archive$/,
      access: 'facilitator',
      handle: async ({ req, res }) => sendJson(res, 201, service.importArchive(await readRaw(req, ARCHIVE_MAX_BYTES))),
    },
  ];
}

function sendFile(res: ServerResponse, file: ExportFile): void {
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Content-Disposition': contentDisposition(file.fileName),
  });
  res.end(file.body);
}

const ContentLength = z.coerce.number().int().min(0);

/** Reads a raw body up to `limit` bytes; larger is refused before reading when the length is announced. */
async function readRaw(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const announced = ContentLength.safeParse(req.headers['content-length']);
  if (announced.success && announced.data > limit) {
    req.resume();
    throw new DomainError('payload-too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError('payload-too-large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) throw new DomainError('bad-request', 'empty body');
  return new Uint8Array(Buffer.concat(chunks));
}
