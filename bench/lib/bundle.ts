import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageScripts {
  /** Each eagerly loaded script with its raw and gzip size in bytes. */
  readonly files: { readonly file: string; readonly bytes: number; readonly gzip: number }[];
  readonly gzipTotal: number;
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/**
 * The JavaScript a page loads before it can run: index.html's module scripts and modulepreloads, and
 * everything they import statically, transitively. Dynamic `import()` (the facilitator and projector
 * chunks) is not followed.
 */
export function pageScripts(rendererDir: string): PageScripts {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((src) => resolve(rendererDir, src));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), m[1]!));
  }
  const files = [...seen].map((file) => {
    const data = readFileSync(file);
    return { file: file.slice(rendererDir.length + 1), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  return { files, gzipTotal: files.reduce((sum, f) => sum + f.gzip, 0) };
}
