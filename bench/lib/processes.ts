import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Every child this benchmark started; `stopAll` ends them (also on error and Ctrl+C). */
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child this benchmark started, except `keep` (a quick run's shared processes). */
export async function stopAll(keep: readonly ChildProcess[] = []): Promise<void> {
  await Promise.all([...children].filter((c) => !keep.includes(c)).map((c) => stopChild(c)));
}

/** RSS of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Set for our host: the facilitator token from its ready line. */
  readonly token: string;
  /** ms from spawn to the first stdout line. */
  readonly readyMs: number;
  readonly stderr: string[];
  stop(): Promise<void>;
}

/** Spawns a process that prints one JSON ready line `{url, facilitatorToken?}` on stdout. */
export async function spawnServer(args: readonly string[], label: string, timeoutMs = 20_000): Promise<ServerProcess> {
  const started = performance.now();
  const child = track(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const ready = await new Promise<{ url: string; facilitatorToken?: string; at: number }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${label} not ready in ${timeoutMs} ms: ${stderr.join('')}`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const at = performance.now();
      clearTimeout(timer);
      try {
        done({ ...(JSON.parse(line) as { url: string; facilitatorToken?: string }), at });
      } catch {
        fail(new Error(`${label}: first stdout line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${label} exited (${code}) before ready: ${stderr.join('')}`));
    });
  });
  return {
    child,
    url: ready.url,
    token: ready.facilitatorToken ?? '',
    readyMs: ready.at - started,
    stderr,
    stop: () => stopChild(child),
  };
}

export interface HostOptions {
  readonly dataDir: string;
  /** Write a V8 CPU profile of the host into this folder (node --cpu-prof). */
  readonly profileDir?: string;
}

/** Our host as users run it: the built `out/main/host.js`, 127.0.0.1, a free port. */
export function startHost(options: HostOptions): Promise<ServerProcess> {
  const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  return spawnServer([...profile, resolve(ROOT, 'out/main/host.js'), '--data', options.dataDir, '--port', '0'], 'host');
}

/** The reference y-websocket server (@y/websocket-server 0.1.1, in memory) in its own process. */
export function startReference(): Promise<ServerProcess> {
  return spawnServer(['--import', 'tsx', resolve(ROOT, 'bench/reference-server.ts')], 'reference');
}

/** What a scenario uses of a client process. */
export interface Clients {
  readonly pid: number;
  run<T>(job: string, params: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** The process that runs the benchmark's stock y-websocket clients (bench/client-runner.ts). */
export class ClientRunner implements Clients {
  readonly child: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>();

  constructor() {
    this.child = track(
      fork(resolve(ROOT, 'bench/client-runner.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    this.child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const entry = this.waiting.get(message.id);
      if (!entry) return;
      this.waiting.delete(message.id);
      if (message.ok) entry.done(message.result);
      else entry.fail(new Error(message.error));
    });
    this.child.once('exit', (code) => {
      for (const entry of this.waiting.values()) entry.fail(new Error(`client runner exited (${code})`));
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  run<T>(job: string, params: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((done, fail) => {
      this.waiting.set(id, { done: done as (v: unknown) => void, fail });
      this.child.send({ id, job, params });
    });
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[11] = utime, fields[12] = stime (the 14th and 15th fields of the full line), in clock ticks
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * Where scenarios get their client process and reference server. A full run gives every use fresh
 * ones (no run inherits another's warm JIT, memory or rooms). A quick run shares one of each across
 * all scenarios: it only proves the benchmark works, and starting processes (1–2 s each through tsx
 * on a loaded machine) was most of its time. Shared ones ignore `stop()` until `close()`.
 */
export class ProcessPool {
  private sharedClients: ClientRunner | null = null;
  private sharedReference: Promise<ServerProcess> | null = null;

  constructor(readonly shared: boolean) {}

  clients(): Clients {
    if (!this.shared) return new ClientRunner();
    const runner = (this.sharedClients ??= new ClientRunner());
    return { pid: runner.pid, run: (job, params) => runner.run(job, params), stop: async () => {} };
  }

  async reference(): Promise<ServerProcess> {
    if (!this.shared) return startReference();
    const server = await (this.sharedReference ??= startReference());
    return { ...server, stop: async () => {} };
  }

  /** The shared processes, for `stopAll` to keep between scenarios. */
  async kept(): Promise<ChildProcess[]> {
    const kept: ChildProcess[] = [];
    if (this.sharedClients) kept.push(this.sharedClients.child);
    const reference = await this.sharedReference?.catch(() => null);
    if (reference) kept.push(reference.child);
    return kept;
  }

  async close(): Promise<void> {
    await this.sharedClients?.stop();
    await (await this.sharedReference?.catch(() => null))?.stop();
    this.sharedClients = null;
    this.sharedReference = null;
  }
}
