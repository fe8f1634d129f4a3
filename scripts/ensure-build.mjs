/**
 * Shared by start.mjs and host.mjs: make sure `out/` holds a build before running it.
 *
 * Build output goes to stderr only: `npm run host` promises exactly one JSON line on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const OUTPUTS = {
  main: 'out/main/index.js',
  host: 'out/main/host.js',
  preload: 'out/preload/index.cjs',
  renderer: 'out/renderer/index.html',
};

const SOURCE_FOLDERS = ['src', 'electron', 'resources'];
const IGNORED = /\.(test|spec|bench)\.[cm]?[jt]sx?$/;

/** Newest modification time of the app's sources (tests excluded), in ms. */
function newestSourceTime(folder) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (!IGNORED.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(outputs) {
  const built = Math.min(...outputs.map((path) => statSync(join(root, path)).mtimeMs));
  const sources = Math.max(...SOURCE_FOLDERS.map((folder) => newestSourceTime(join(root, folder))));
  return sources > built;
}

function build() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const [command, args] = existsSync(cli)
    ? [process.execPath, [cli, 'build']]
    : ['npx', ['--no-install', 'electron-vite', 'build']];
  // stdout of the build → our stderr (fd 2), so stdout stays clean for the host's ready line.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write('Samskapa: the build failed (see above). Try `npm run build`.\n');
    process.exit(result.status ?? 1);
  }
}

/**
 * Builds when any of `outputs` is missing. When all exist but the sources are newer, rebuilds if
 * `rebuildIfStale`, else only warns (the headless host may be started by several processes at
 * once, which must not race to rewrite `out/`).
 */
export function ensureBuild(outputs, { rebuildIfStale = false } = {}) {
  const missing = outputs.filter((path) => !existsSync(join(root, path)));
  if (missing.length > 0) {
    process.stderr.write(`Samskapa: building first (missing ${missing.join(', ')})…\n`);
    build();
    return;
  }
  if (!isStale(outputs)) return;
  if (rebuildIfStale) {
    process.stderr.write('Samskapa: the sources changed since the last build; rebuilding…\n');
    build();
  } else {
    process.stderr.write(
      'Samskapa: warning: out/ is older than the sources; run `npm run build` to use your changes.\n',
    );
  }
}
