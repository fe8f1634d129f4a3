/**
 * Starts the host (`out/main/host.js`) as a child process of the shell, under the system `node`.
 *
 * Why a child process and not in-process: the host uses better-sqlite3, a native addon built for
 * the system Node's ABI by `npm ci`. Loading it inside Electron's own Node would need an
 * electron-rebuild, and the rebuilt addon would then no longer load under plain Node, which
 * `npm test` and `npm run host` use. See electron/README.md.
 *
 * No `electron` import here: tests/shell/host-process.test.ts runs this module under plain Node.
 *
 *   shell (Electron main) ──spawn──▶ node out/main/host.js [--data …] [--port …] [--bind …]
 *          ▲                               │ stdout: one JSON ready line
 *          └──────── { url, token } ◀──────┘ stderr: forwarded to the shell's stderr
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The ready line of the host contract: `{"event":"ready","url":…,"facilitatorToken":…}`. */
export interface HostReady {
  url: string;
  facilitatorToken: string;
}

export interface HostProcess extends HostReady {
  /** The host's origin (`http://127.0.0.1:PORT`), the only origin the window may show. */
  origin: string;
  /** Resolves when the host has exited, with its exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM (the host flushes and exits 0), then SIGKILL after `timeoutMs`. Idempotent. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface StartHostOptions {
  /** Path of the built host CLI, `out/main/host.js`. */
  hostScript: string;
  /** The Node executable; default `npm_node_execpath` (set by `npm start`) or `node` on PATH. */
  nodePath?: string;
  /** Passed through to the host CLI (`--data`, `--port`, `--bind`). */
  args?: readonly string[];
  /** How long to wait for the ready line; default 30 s. */
  readyTimeoutMs?: number;
  /** Where the host's stderr goes; default the shell's own stderr. */
  stderr?: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

const HOST_OPTIONS = ['--data', '--port', '--bind'] as const;
const STDERR_TAIL_LINES = 20;

/** The ready line parsed, or null when the line is anything else. */
export function parseReadyLine(line: string): HostReady | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { event, url, facilitatorToken } = value as Record<string, unknown>;
  if (event !== 'ready' || typeof url !== 'string' || typeof facilitatorToken !== 'string') {
    return null;
  }
  if (facilitatorToken.length === 0) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:') return null;
  } catch {
    return null;
  }
  return { url, facilitatorToken };
}

/**
 * The host options found among the shell's own arguments (`--data DIR`, `--port=N`, …), so that
 * `npm start -- --data DIR` reaches the host whether the shell or the browser fallback runs.
 */
export function hostArgsFromArgv(argv: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = HOST_OPTIONS.find((option) => arg === option || arg.startsWith(`${option}=`));
    if (!name) continue;
    if (arg === name) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) continue;
      picked.push(name, value);
      i++;
    } else {
      picked.push(name, arg.slice(name.length + 1));
    }
  }
  return picked;
}

/** The Node to run the host with: never Electron's own binary (wrong ABI for better-sqlite3). */
export function defaultNodePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SAMSKAPA_NODE || env.npm_node_execpath || 'node';
}

/**
 * Spawns the host and resolves once its ready line arrives. Rejects, with the tail of its
 * stderr in the message, if it exits or stays silent for `readyTimeoutMs` first.
 */
export function startHostProcess(options: StartHostOptions): Promise<HostProcess> {
  const env = { ...(options.env ?? process.env) };
  // Electron sets this for its own child processes in some setups; the host is a plain Node program.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(
    options.nodePath ?? defaultNodePath(env),
    // --exit-with-stdin: if the shell dies without stopping the host, the pipe closes and the host
    // saves and exits instead of living on as an orphan holding the session files.
    [options.hostScript, '--exit-with-stdin', ...(options.args ?? [])],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
      windowsHide: true,
      // Own process group: a Ctrl+C in the terminal that ran `npm start` stops the shell, and
      // the shell then sends the host exactly one SIGTERM (never a second signal mid-shutdown).
      detached: process.platform !== 'win32',
    },
  );
  const stderrTail = forwardStderr(child, options.stderr ?? process.stderr);
  const exited = new Promise<number | null>((resolve) => {
    // 'close', not 'exit': it comes after stdout and stderr are drained, so no last words are lost.
    child.once('close', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return new Promise<HostProcess>((resolve, reject) => {
    let settled = false;
    const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const tail = stderrTail.join('\n');
      reject(new Error(`The Samskapa host did not start: ${reason}${tail ? `\n${tail}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${readyTimeoutMs} ms`), readyTimeoutMs);
    child.once('error', (error) => fail(error.message));
    // 'close', not 'exit': by then the stderr tail holds the host's last words.
    child.once('close', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const ready = settled ? null : parseReadyLine(line);
      if (!ready) return;
      settled = true;
      clearTimeout(timer);
      resolve(handleFor(child, ready, exited));
    });
  });
}

function forwardStderr(child: ChildProcess, sink: NodeJS.WritableStream): string[] {
  const tail: string[] = [];
  if (!child.stderr) return tail;
  createInterface({ input: child.stderr }).on('line', (line) => {
    sink.write(`[host] ${line}\n`);
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
  });
  return tail;
}

function handleFor(
  child: ChildProcess,
  ready: HostReady,
  exited: Promise<number | null>,
): HostProcess {
  let stopping: Promise<number | null> | undefined;
  return {
    ...ready,
    origin: new URL(ready.url).origin,
    exited,
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        const code = await exited;
        clearTimeout(timer);
        return code;
      })();
      return stopping;
    },
  };
}
