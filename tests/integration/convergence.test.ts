import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, selectNotes } from '../../src/core/workshop/board';
import { addStep } from '../../src/core/workshop/agenda';
import { goToStep } from '../../src/core/workshop/run-state';
import type { JoinResponse } from '../../src/contracts/http';
import { ApiClient } from '../helpers/api-client';
import { freePort } from '../helpers/child-host';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

/** Runs per `npm test`; a dedicated run can ask for more (CONVERGE_RUNS=50). */
const RUNS = Number(process.env.CONVERGE_RUNS ?? 4);
const CLIENTS = 5;

type Action =
  | { kind: 'add'; who: number; text: string }
  | { kind: 'edit'; who: number; pick: number; text: string }
  | { kind: 'delete'; who: number; pick: number }
  | { kind: 'disconnect'; who: number }
  | { kind: 'reconnect'; who: number }
  | { kind: 'restart-host' }
  | { kind: 'pause'; ms: number };

const who = fc.integer({ min: 0, max: CLIENTS - 1 });
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), who, text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, pick: fc.nat(), text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), who }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart-host' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
);

function state(doc: Y.Doc): string {
  return JSON.stringify(selectNotes(doc).map((n) => [n.id, n.text, n.authorId]));
}

/**
 * Five participants edit concurrently while connections drop and the host restarts; afterwards
 * every replica, and a fresh client reading what the host reloads from disk, hold the same notes.
 */
describe('convergence under random concurrent edits, disconnects and host restarts', () => {
  it(`always converges, also after reloading from disk (${RUNS} runs of up to 40 actions)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
        const dir = tempDir();
        const port = await freePort();
        let t: TestHost = await startTestHost({ dataDir: dir.path, port, strictPort: true });
        const clients: YClient[] = [];
        try {
          const s = await t.api.createSession('Konvergens');
          const share = await t.api.share(s.id);
          const control = connectClient(t.host.url, s.id, 'control', t.host.facilitatorToken);
          await control.whenSynced();
          goToStep(control.doc, addStep(control.doc, { type: 'note-board', title: 'Skriv', minutes: 10 }).id);
          await sleep(50);
          control.destroy();
          const people: JoinResponse[] = [];
          for (let i = 0; i < CLIENTS; i++) people.push(await new ApiClient(t.host.url).join(share.joinCode, `P${i}`, 'staff'));
          for (const p of people) clients.push(connectClient(t.host.url, s.id, 'board', p.token));
          await Promise.all(clients.map((c) => c.whenSynced()));
          const stepId = (await waitForStep(t, s.id))!;

          for (const a of actions) {
            if (a.kind === 'restart-host') {
              await t.stop();
              t = await startTestHost({ dataDir: dir.path, port, strictPort: true });
              continue;
            }
            if (a.kind === 'pause') {
              await sleep(a.ms);
              continue;
            }
            const c = clients[a.who]!;
            const p = people[a.who]!;
            const mine = selectNotes(c.doc).filter((n) => n.authorId === p.pseudonym);
            if (a.kind === 'add') addNote(c.doc, a.text, { role: p.role, anonymous: false, name: p.name ?? '', pseudonym: p.pseudonym }, Date.now(), { stepId });
            if (a.kind === 'edit' && mine.length > 0) editNote(c.doc, mine[a.pick % mine.length]!.id, a.text);
            if (a.kind === 'delete' && mine.length > 0) c.doc.getMap('notes').delete(mine[a.pick % mine.length]!.id);
            if (a.kind === 'disconnect') c.provider.disconnect();
            if (a.kind === 'reconnect') c.provider.connect();
          }
          for (const c of clients) c.provider.connect();
          await waitFor(() => clients.every((c) => c.provider.synced && c.provider.wsconnected), 'everyone reconnected', 20_000).catch((error: Error) => {
            throw new Error(`${error.message}; close codes ${JSON.stringify(clients.map((c) => c.closeCodes))}; logs ${t.logs.join(' | ')}`);
          });
          await waitFor(() => new Set(clients.map((c) => state(c.doc))).size === 1, 'replicas to converge', 20_000);
          expect(clients.flatMap((c) => c.closeCodes.filter((code) => code >= 4000))).toEqual([]);

          const converged = state(clients[0]!.doc);
          for (const c of clients.splice(0)) c.destroy();
          await t.stop();
          t = await startTestHost({ dataDir: dir.path, port, strictPort: true });
          const reader = connectClient(t.host.url, s.id, 'board', t.host.facilitatorToken);
          await reader.whenSynced();
          expect(state(reader.doc)).toBe(converged);
          reader.destroy();
        } finally {
          for (const c of clients) c.destroy();
          await t.stop();
          dir.remove();
        }
      }),
      { numRuns: RUNS, verbose: true, endOnFailure: !process.env.CONVERGE_SHRINK, ...(process.env.CONVERGE_SEED ? { seed: Number(process.env.CONVERGE_SEED), path: process.env.CONVERGE_PATH } : {}) },
    );
  }, 300_000);
});

/** The running step's id, read as a participant would. */
async function waitForStep(t: TestHost, sessionId: string): Promise<string | null> {
  const c = connectClient(t.host.url, sessionId, 'control', t.host.facilitatorToken);
  await c.whenSynced();
  const id = c.doc.getMap('run').get('currentStepId');
  c.destroy();
  return typeof id === 'string' ? id : null;
}
