import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, observeNotes, selectNotes } from '../../src/core/workshop/board';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { ApiClient } from '../helpers/api-client';
import { freePort, startChildHost } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

/** Trials per run; a dedicated run can ask for more (CRASH_TRIALS=100 npx vitest run tests/integration/crash.test.ts). */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 3);

function idsInFile(path: string): Set<string> {
  const store = SqliteSessionStore.open(path, { readonly: true });
  const doc = new Y.Doc();
  for (const u of store.loadDoc('board').updates) Y.applyUpdate(doc, u);
  store.close();
  return new Set(selectNotes(doc).map((n) => n.id));
}

describe('kill -9 of the host after a burst of updates', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it(`keeps every update an observer had seen relayed (${TRIALS} trials)`, async () => {
    const port = await freePort();
    let host = await startChildHost({ dataDir: dir.path, port });
    const api = new ApiClient(host.ready.url, host.ready.facilitatorToken);
    const session = await api.createSession('Krasch');
    const share = await api.share(session.id);
    const people = await Promise.all(['Anna', 'Bo', 'Cecilia'].map((name) => new ApiClient(host.ready.url).join(share.joinCode, name, 'patient')));

    for (let trial = 0; trial < TRIALS; trial++) {
      const seen = new Set<string>();
      const observer = connectClient(host.ready.url, session.id, 'board', host.ready.facilitatorToken);
      observeNotes(observer.doc, () => selectNotes(observer.doc).forEach((n) => seen.add(n.id)));
      const writers: YClient[] = people.map((p) => connectClient(host.ready.url, session.id, 'board', p.token));
      await Promise.all([observer.whenSynced(), ...writers.map((w) => w.whenSynced())]);
      const before = seen.size;

      // Bursts from every writer until the kill at a random moment.
      let writing = true;
      const bursts = writers.map(async (w, i) => {
        let n = 0;
        while (writing) {
          const p = people[i]!;
          addNote(w.doc, `försök ${trial} skribent ${i} nr ${n++}`, { role: 'patient', anonymous: false, name: p.name ?? '', pseudonym: p.pseudonym });
          if (n % 5 === 0) await sleep(1);
        }
      });
      // Kill at a random moment once writes are flowing (the observer has seen some relayed).
      await waitFor(() => seen.size > before, 'the first relayed notes', 15_000);
      await sleep(Math.random() * 250);
      host.process.kill('SIGKILL');
      writing = false;
      await host.exited;
      await Promise.all(bursts);
      const seenAtKill = new Set(seen);
      for (const c of [observer, ...writers]) c.destroy();
      expect(seenAtKill.size).toBeGreaterThan(before);

      const db = new Database(session.file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const inFile = idsInFile(session.file);
      const missing = [...seenAtKill].filter((id) => !inFile.has(id));
      expect(missing, `trial ${trial}: relayed but not on disk`).toEqual([]);

      host = await startChildHost({ dataDir: dir.path, port });
      const check = connectClient(host.ready.url, session.id, 'board', host.ready.facilitatorToken);
      await check.whenSynced();
      await waitFor(() => selectNotes(check.doc).length >= seenAtKill.size, 'the restarted host to serve every note');
      check.destroy();
    }
    host.process.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  }, 30_000 + TRIALS * 6_000);
});
