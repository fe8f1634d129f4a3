import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';

const OUTPUTS = ['out/main/host.js', 'out/renderer/index.html'];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds with `npx electron-vite build` when asked (--build) or when the build is missing: the host
 * scenarios run the built out/main/host.js and scenario 6 measures out/renderer. A build older than
 * the sources is only reported (others may be editing the tree; a half-edited tree may not build).
 */
export function ensureBuild(force: boolean, log: (line: string) => void): void {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const stale =
    outputs.some((p) => !existsSync(p)) ||
    Math.min(...outputs.map((p) => statSync(p).mtimeMs)) < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'electron')));
  const missing = outputs.some((p) => !existsSync(p));
  if (!force && !missing) {
    if (stale) log('build: out/ is older than src/ (run with --build to rebuild it first)');
    return;
  }
  log('build: npx electron-vite build');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (${result.status})`);
}
