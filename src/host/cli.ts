/**
 * `npm run host -- [--data DIR] [--port N] [--bind ADDR] [--static DIR]` (HOST-CONTRACT.md).
 * Prints exactly one JSON line on stdout when ready; everything else goes to stderr.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DomainError } from '../core/errors';
import { startHost } from './main';

function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Samskapa');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Samskapa');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'samskapa');
}

/**
 * The built renderer. From out/main/host.js and from src/host/cli.ts alike, `../../out/renderer` is the
 * project's build; `../renderer` covers a packaged layout where out/ is the root.
 */
function defaultStaticDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../out/renderer'), resolve(here, '../renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Built-in templates and content packs: `<project>/resources`, from out/main and src/host alike. */
function defaultResourcesDir(): string | null {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources');
  return existsSync(dir) ? dir : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      bind: { type: 'string' },
      static: { type: 'string' },
      'exit-with-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const host = await startHost({
    dataDir: resolve(values.data ?? defaultDataDir()),
    port,
    bind: values.bind ?? '127.0.0.1',
    staticDir: values.static ? resolve(values.static) : defaultStaticDir(),
    resourcesDir: defaultResourcesDir(),
  });
  let stopping = false;
  const shutdown = (signal: string): void => {
    // A terminal's Ctrl+C can arrive twice (from the tty and forwarded by npm): stop once.
    if (stopping) return;
    stopping = true;
    process.stderr.write(`samskapa host: ${signal}, saving and closing\n`);
    host.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`samskapa host: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  if (values['exit-with-stdin']) {
    process.stdin.on('end', () => shutdown('parent gone'));
    process.stdin.resume();
  }
  // Only now that a signal finds its handler does anyone learn the host is ready.
  process.stdout.write(`${JSON.stringify({ event: 'ready', url: host.url, facilitatorToken: host.facilitatorToken })}\n`);
}

main().catch((error: unknown) => {
  const detail = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`samskapa host could not start: ${detail}\n`);
  process.exit(1);
});
