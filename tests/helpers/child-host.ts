import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

export interface ReadyLine {
  readonly event: 'ready';
  readonly url: string;
  readonly facilitatorToken: string;
}

export interface ChildHost {
  readonly process: ChildProcess;
  readonly ready: ReadyLine;
  /** Every line the host wrote to stdout (the contract says: exactly one). */
  readonly stdoutLines: string[];
  readonly stderr: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs the headless host as its own process, from source through tsx, exactly as `npm run host`
 * runs the built one: `--data`, `--port`, ready line on stdout.
 */
export async function startChildHost(args: { dataDir: string; port?: number; extra?: string[] }): Promise<ChildHost> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'src/host/cli.ts'), '--data', args.dataDir, '--port', String(args.port ?? 0), ...(args.extra ?? [])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdoutLines: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const ready = await new Promise<ReadyLine>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length === 1) {
        try {
          done(JSON.parse(line) as ReadyLine);
        } catch (error) {
          fail(new Error(`first stdout line is not JSON: ${line}`));
        }
      }
    });
    void exited.then((code) => fail(new Error(`host exited (${code}) before ready: ${stderr.join('')}`)));
    setTimeout(() => fail(new Error(`host not ready in 20 s: ${stderr.join('')}`)), 20_000);
  });
  return { process: child, ready, stdoutLines, stderr, exited };
}

/** A free port: listen on 0, read it, close. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
