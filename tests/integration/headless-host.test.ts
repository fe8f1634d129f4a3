import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectNotes, addNote } from '../../src/core/workshop/board';
import { ApiClient } from '../helpers/api-client';
import { startChildHost } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';

const ROOT = resolve(import.meta.dirname, '../..');

describe('headless host (npm run host)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('prints exactly one JSON ready line, serves, and on SIGTERM saves everything and exits 0', async () => {
    const host = await startChildHost({ dataDir: dir.path });
    expect(host.ready).toMatchObject({ event: 'ready' });
    expect(host.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.ready.facilitatorToken.length).toBeGreaterThan(40);
    const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    const s = await api.createSession('Huvudlös');
    const c = connectClient(host.ready.url, s.id, 'board', host.ready.facilitatorToken);
    await c.whenSynced();
    addNote(c.doc, 'sparas vid SIGTERM', { role: 'facilitator', anonymous: false });
    await waitFor(() => host.stderr.length >= 0 && c.provider.wsconnected, 'connected');
    await new Promise((r) => setTimeout(r, 100));
    host.process.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    c.destroy();
    expect(host.stdoutLines).toHaveLength(1);

    const again = await startChildHost({ dataDir: dir.path });
    const check = connectClient(again.ready.url, s.id, 'board', again.ready.facilitatorToken);
    await check.whenSynced();
    expect(selectNotes(check.doc).map((n) => n.text)).toEqual(['sparas vid SIGTERM']);
    check.destroy();
    again.process.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('refuses an unusable data folder with a clear error naming it, exit code 1', () => {
    const file = join(dir.path, 'en-fil');
    writeFileSync(file, 'x');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', '--data', file], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('en-fil');
  });
});
