import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { requestUrl } from './request-url';
import { COMMON_HEADERS } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The page's own policy: scripts and styles from this host only, sync to this host only. Nothing
 * from the internet can load even if some markup asked for it (the room may have no internet).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built renderer. Hashed assets are cached for a long time; everything else, and the
 * fallback to index.html for any unknown path, is not cached.
 */
export function createStaticHandler(root: string | null) {
  const indexPath = root ? join(root, 'index.html') : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!root || !indexPath || !existsSync(indexPath)) {
      res.writeHead(503, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Samskapa: the user interface is not built. Run `npm run build`.\n');
      return;
    }
    const pathname = decodeURIComponentSafe(requestUrl(req.url).pathname);
    const candidate = normalize(join(root, pathname));
    const inside = candidate.startsWith(root.endsWith(sep) ? root : root + sep);
    const file = inside && isFile(candidate) ? candidate : indexPath;
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '/';
  }
}
