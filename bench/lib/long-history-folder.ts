import { cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DOC_NAMES } from '../../src/core/workshop/doc-names';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { compactDoc } from '../../src/host/sessions/compaction';
import { applyStored } from '../../src/host/sync/room';
import { writeImprovementHistory } from './improvement-history';
import type { ImprovementHistory } from './improvement-history';
import type { Context } from './report';
import { buildHistory, longHistoryShape, writeSessionFile } from './session-file';
import type { HistoryShape } from './session-file';

/**
 * The data folder of issue #8 scenario 4's long history, as the app would hold it: one session file
 * with the long log (uncompacted) and, beside it, the improvement that session worked on with its PDSA
 * cycles and run charts (`improvements/<id>.samskapa-improvement`, linked to the session by id).
 * Scenario 4 syncs this session and scenario 7 exports it; both take their folder from here, so they
 * cannot drift apart. Built once per benchmark run; copy it (`copyFolder`) before anything opens it,
 * because opening compacts the log.
 */
export interface LongHistoryFolder {
  /** The pristine folder (the session's log uncompacted). Never open it in place. */
  readonly dir: string;
  readonly sessionId: string;
  readonly title: string;
  readonly shape: HistoryShape;
  /** Updates in the session's log. */
  readonly updates: number;
  readonly improvement: ImprovementHistory;
  /** What the folder holds, in one sentence (for the scenarios' notes). */
  readonly description: string;
}

export const LONG_HISTORY_TITLE = 'Uppföljningsmöte: hemgång efter hjärtsvikt';

/** Issue #8 scenario 4: 50 PDSA cycles (quick: 5). */
export function longHistoryCycles(quick: boolean): number {
  return quick ? 5 : 50;
}

const built = new WeakMap<Context, LongHistoryFolder>();

export function longHistoryFolder(ctx: Context): LongHistoryFolder {
  const known = built.get(ctx);
  if (known) return known;
  const t0 = performance.now();
  const shape = longHistoryShape(ctx.quick);
  const { log, notes } = buildHistory(shape, LONG_HISTORY_TITLE);
  const dir = mkdtempSync(join(ctx.tmp, 'long-history-'));
  const { id } = writeSessionFile(dir, log, LONG_HISTORY_TITLE);
  const improvement = writeImprovementHistory(dir, { id, title: LONG_HISTORY_TITLE, notes }, longHistoryCycles(ctx.quick));
  const points = improvement.measures.map((m) => m.points).join(' and ');
  const description =
    `session: ${shape.notes} notes, ${shape.votes} votes, ${shape.edits} note edits; ${log.length} updates from ${shape.writers} writers and the session info, ` +
    `written with SqliteSessionStore.appendUpdates in batches of 1000; beside it one improvement linked to it ` +
    `(ImprovementService, ${improvement.revisions} saved revisions): ${improvement.changeIdeas} change ideas, ${improvement.cycles} PDSA cycles, ` +
    `${improvement.measures.length} measures with ${points} weekly points`;
  const folder: LongHistoryFolder = { dir, sessionId: id, title: LONG_HISTORY_TITLE, shape, updates: log.length, improvement, description };
  ctx.log(`  long-history folder: ${log.length} updates and an improvement of ${improvement.cycles} cycles written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  built.set(ctx, folder);
  return folder;
}

/** A fresh copy of the folder (or of any copy of it) under the run's scratch folder. */
export function copyFolder(ctx: Context, from: string, prefix: string): string {
  const dir = mkdtempSync(join(ctx.tmp, prefix));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** The session file in a copy of the folder. */
export function sessionFileIn(dir: string, sessionId: string): string {
  return join(dir, 'sessions', `${sessionId}.samskapa`);
}

/**
 * What LiveSession does when it opens a long log (or closes a session): replay snapshot + log into
 * a document, then compact with `compactDoc`, which gives a document that is mostly history a fresh
 * lineage (sessions/compaction.ts), and close the file (WAL checkpoint). `historyBytes` is the state
 * the same document has in its old lineage, for comparison.
 */
export function compactFile(path: string): { replayMs: number; compactMs: number; stateBytes: number; historyBytes: number; freshLineage: boolean } {
  const store = SqliteSessionStore.open(path);
  const t0 = performance.now();
  const docs = DOC_NAMES.map((name) => {
    const doc = new Y.Doc();
    const stored = store.loadDoc(name);
    // As the host replays a file, except that an unreadable update stops the benchmark.
    applyStored(doc, stored.updates, (error) => {
      throw error;
    });
    return { name, doc, lastId: stored.lastId, pending: stored.pendingCount };
  });
  const t1 = performance.now();
  let stateBytes = 0;
  let freshLineage = false;
  for (const { name, doc, lastId, pending } of docs) {
    if (pending === 0) {
      stateBytes += Y.encodeStateAsUpdate(doc).length;
      continue;
    }
    const compacted = compactDoc(store, name, doc, lastId, true);
    stateBytes += compacted.state.length;
    freshLineage ||= compacted.freshLineage;
  }
  store.close();
  const t2 = performance.now();
  const historyBytes = docs.reduce((sum, { doc }) => sum + Y.encodeStateAsUpdate(doc).length, 0);
  for (const { doc } of docs) doc.destroy();
  return { replayMs: t1 - t0, compactMs: t2 - t1, stateBytes, historyBytes, freshLineage };
}
