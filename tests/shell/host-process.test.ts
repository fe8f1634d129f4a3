/**
 * The shell's host launcher under plain Node, against a fake host with the same process contract.
 */
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  defaultNodePath,
  hostArgsFromArgv,
  parseReadyLine,
  startHostProcess,
} from '../../electron/main/host-process';

const fakeHost = fileURLToPath(new URL('./fixtures/fake-host.mjs', import.meta.url));

function start(mode: string, readyTimeoutMs = 10_000) {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const started = startHostProcess({
    hostScript: fakeHost,
    nodePath: process.execPath,
    args: ['--port', '0'],
    env: { ...process.env, FAKE_HOST_MODE: mode },
    readyTimeoutMs,
    stderr,
  });
  return { started, stderrText: () => text };
}

describe('parseReadyLine', () => {
  it('accepts the contract line', () => {
    const line = '{"event":"ready","url":"http://127.0.0.1:5000","facilitatorToken":"abc"}';
    expect(parseReadyLine(line)).toEqual({ url: 'http://127.0.0.1:5000', facilitatorToken: 'abc' });
  });

  it('ignores anything else', () => {
    for (const line of [
      '',
      'ready',
      '[]',
      'null',
      '{"event":"starting"}',
      '{"event":"ready","url":"http://127.0.0.1:5000"}',
      '{"event":"ready","url":"http://127.0.0.1:5000","facilitatorToken":""}',
      '{"event":"ready","url":"file:///x","facilitatorToken":"abc"}',
      '{"event":"ready","url":"nope","facilitatorToken":"abc"}',
    ]) {
      expect(parseReadyLine(line), line).toBeNull();
    }
  });
});

describe('hostArgsFromArgv', () => {
  it('passes the host options through and drops everything else', () => {
    expect(
      hostArgsFromArgv(['.', '--data', '/tmp/d', '--port=0', '--inspect', '--bind', '0.0.0.0', 'x']),
    ).toEqual(['--data', '/tmp/d', '--port', '0', '--bind', '0.0.0.0']);
    expect(hostArgsFromArgv(['--data'])).toEqual([]);
    expect(hostArgsFromArgv(['--data', '--port', '1'])).toEqual(['--port', '1']);
  });
});

describe('defaultNodePath', () => {
  it("prefers npm's node, never Electron's own binary", () => {
    expect(defaultNodePath({ npm_node_execpath: '/usr/bin/node' })).toBe('/usr/bin/node');
    expect(defaultNodePath({})).toBe('node');
  });
});

describe('startHostProcess', { timeout: 30_000 }, () => {
  it('resolves with the ready line, forwards stderr and stops the host cleanly', async () => {
    const { started, stderrText } = start('ready');
    const host = await started;
    expect(host.url).toBe('http://127.0.0.1:47999');
    expect(host.origin).toBe('http://127.0.0.1:47999');
    expect(host.facilitatorToken).toBe('tok-123');
    expect(await host.stop()).toBe(0);
    expect(await host.stop()).toBe(0);
    expect(stderrText()).toContain('[host] fake host starting with ["--exit-with-stdin","--port","0"]');
    expect(stderrText()).toContain('[host] fake host flushed');
  });

  it('rejects with the host’s last words when it exits before it is ready', async () => {
    const { started } = start('crash');
    await expect(started).rejects.toThrow(/exited \(code 3\)[\s\S]*permission denied/);
  });

  it('rejects and kills a host that never gets ready', async () => {
    const { started } = start('silent', 500);
    await expect(started).rejects.toThrow(/no ready line within 500 ms/);
  });
});
