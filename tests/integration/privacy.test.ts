import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { ApiClient } from '../helpers/api-client';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

const ROOT = resolve(import.meta.dirname, '../..');

describe('no telemetry, no outbound connections (docs/SECURITY.md, "Privacy")', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('the host opens no connection and looks up no name while a workshop runs', async () => {
    const child = spawn(
      process.execPath,
      ['--import', resolve(ROOT, 'tests/fixtures/outbound-observer.mjs'), '--import', 'tsx', resolve(ROOT, 'src/host/cli.ts'), '--data', dir.path, '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const ready = await new Promise<{ url: string; facilitatorToken: string }>((done) =>
      createInterface({ input: child.stdout }).once('line', (line) => done(JSON.parse(line) as { url: string; facilitatorToken: string })),
    );
    try {
      const api = new ApiClient(ready.url, ready.facilitatorToken);
      const s = await api.json<{ id: string }>('POST', '/api/sessions', { title: 'Integritet', template: 'co-design-2h-sv' }, 201);
      const share = await api.share(s.id);
      const anna = await new ApiClient(ready.url).join(share.joinCode, 'Anna', 'patient');
      await api.json('GET', '/api/templates');
      await api.json('GET', '/api/network');
      const board = connectClient(ready.url, s.id, 'board', ready.facilitatorToken);
      const reader = connectClient(ready.url, s.id, 'board', anna.token);
      await Promise.all([board.whenSynced(), reader.whenSynced()]);
      addNote(board.doc, 'hej', { role: 'facilitator', anonymous: false });
      await waitFor(() => selectNotes(reader.doc).length === 1, 'the note');
      board.destroy();
      reader.destroy();
      await fetch(`${ready.url}/`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    const lines = stderr.join('').split('\n').filter((line) => line.startsWith('OUTBOUND'));
    const offMachine = lines.filter((line) => !/^OUTBOUND tcp (127\.\d+\.\d+\.\d+|localhost|::1):/.test(line));
    expect(offMachine).toEqual([]);
  });
});
