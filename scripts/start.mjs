/**
 * `npm start -- [--data DIR] [--port N] [--bind ADDR] [--browser]`
 *
 * - With Electron's binary installed: the desktop app (`electron .`, main = out/main/index.js).
 * - Without it (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), or with `--browser`: the same
 *   app in the browser. The host runs here and the facilitator's sign-in address is printed.
 *
 * Builds first when out/ is missing or older than the sources. Without `--port`, port 47180 is
 * asked for so that addresses stay the same across restarts (the host picks another if taken).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { OUTPUTS, ensureBuild, root } from './ensure-build.mjs';

const DEFAULT_PORT = '47180';
/** Our signal → the child's. A closed terminal (SIGHUP) asks the host to save and stop too. */
const FORWARDED_SIGNALS = { SIGINT: 'SIGINT', SIGTERM: 'SIGTERM', SIGHUP: 'SIGTERM' };

const argv = process.argv.slice(2);
const forceBrowser = argv.includes('--browser') || process.env.SAMSKAPA_BROWSER === '1';
const args = argv.filter((arg) => arg !== '--browser');

/**
 * The Electron executable, or null when it is not installed. Never `require('electron')`:
 * without its binary that tries to download one.
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return relative && existsSync(binary) ? binary : null;
}

/** Runs `child` to its end as if it were this process: signals forwarded once, same exit code. */
function mirrorChild(child) {
  // Forward the first signal only; repeats are ignored (not fatal to us either) so the child
  // can finish saving its session files.
  let forwarded = false;
  for (const [signal, toChild] of Object.entries(FORWARDED_SIGNALS)) {
    process.on(signal, () => {
      if (forwarded || child.exitCode !== null || child.signalCode !== null) return;
      forwarded = true;
      child.kill(toChild);
    });
  }
  child.once('error', (error) => {
    process.stderr.write(`Samskapa: could not start ${child.spawnfile}: ${error.message}\n`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startDesktop(electron) {
  ensureBuild(Object.values(OUTPUTS), { rebuildIfStale: true });
  const env = { ...process.env, SAMSKAPA_NODE: process.env.SAMSKAPA_NODE || process.execPath };
  delete env.ELECTRON_RUN_AS_NODE;
  mirrorChild(spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit', env }));
}

function hasOption(name) {
  return args.some((arg) => arg === name || arg.startsWith(`${name}=`));
}

function printFacilitatorAddress(ready) {
  const address = `${ready.url}/#token=${ready.facilitatorToken}`;
  const rule = '─'.repeat(Math.min(Math.max(address.length + 4, 40), 100));
  process.stdout.write(
    [
      '',
      rule,
      '  Samskapa is running.',
      '',
      '  Open this address in your browser to lead the workshop',
      '  (it signs you in as the facilitator; do not share it):',
      '',
      `  ${address}`,
      '',
      '  Keep this terminal open during the workshop. Ctrl+C stops Samskapa.',
      rule,
      '',
    ].join('\n') + '\n',
  );
}

function parseReady(line) {
  try {
    const value = JSON.parse(line);
    return value && value.event === 'ready' && typeof value.url === 'string' ? value : null;
  } catch {
    return null;
  }
}

function startBrowserMode() {
  if (!forceBrowser) {
    process.stderr.write(
      [
        'Samskapa: Electron is not installed here (its binary was not downloaded),',
        'so Samskapa runs in your browser instead: the same app, served by the same host.',
        'For the desktop window, install the Electron binary (`npx install-electron`) and run `npm start` again.',
        '',
      ].join('\n'),
    );
  }
  ensureBuild([OUTPUTS.host, OUTPUTS.renderer], { rebuildIfStale: true });
  const hostArgs = hasOption('--port') ? args : [...args, '--port', DEFAULT_PORT];
  const child = spawn(process.execPath, [join(root, OUTPUTS.host), ...hostArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Own process group: a Ctrl+C in the terminal reaches only us, and we pass on exactly one
    // signal. (Reaching the host twice, directly and forwarded, could cut its shutdown short.)
    detached: process.platform !== 'win32',
  });
  mirrorChild(child);
  let ready = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = ready ? null : parseReady(line);
    if (parsed) {
      ready = true;
      printFacilitatorAddress(parsed);
    } else {
      process.stdout.write(`${line}\n`);
    }
  });
}

const electron = forceBrowser ? null : findElectronBinary();
if (electron) startDesktop(electron);
else startBrowserMode();
