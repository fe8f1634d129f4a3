import { DomainError } from '../../core/errors';
import type { DocName } from '../../core/workshop/doc-names';
import type { LiveSession } from '../sessions/live-session';
import type { RoomConnection } from './room';

export interface PendingWrite {
  readonly session: LiveSession;
  readonly doc: DocName;
  readonly update: Uint8Array;
  readonly origin: RoomConnection | 'host';
  /** The host wrote it into its document already: after storing, only relay it. */
  readonly applied?: boolean;
  /** Called if the batch could not be stored: the update was neither applied nor relayed. */
  readonly onFailed: (error: DomainError) => void;
  /** Called once it is stored, applied and relayed. */
  readonly onCommitted?: () => void;
}

/**
 * Write-before-relay with group commit. Updates that arrive in the same event-loop turn are written
 * in one SQLite transaction per session (one fsync), then applied to the rooms, which relay them.
 * Order is kept: per session, updates are stored and applied in arrival order.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  /** Updates written since start; the benchmark reads it. */
  written = 0;

  enqueue(write: PendingWrite): void {
    this.pending.push(write);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes and applies everything queued. Safe to call at any time (shutdown calls it). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    for (const [session, writes] of groupBySession(batch)) this.commit(session, writes);
  }

  private commit(session: LiveSession, writes: PendingWrite[]): void {
    let lastId: number;
    try {
      lastId = session.store.appendUpdates(writes.map((w) => ({ doc: w.doc, data: w.update })));
    } catch (error) {
      const failure = error instanceof DomainError ? error : new DomainError('storage-failed', String(error));
      for (const write of writes) write.onFailed(failure);
      return;
    }
    this.written += writes.length;
    // Ids are consecutive within the transaction: the first write got lastId - (n - 1).
    const firstId = lastId - writes.length + 1;
    const perDoc = new Map<DocName, { count: number; lastId: number; bytes: number }>();
    writes.forEach((write, index) => {
      const room = session.rooms[write.doc];
      if (write.applied) room.relay(write.update);
      else room.applyCommitted(write.update, write.origin);
      const entry = perDoc.get(write.doc) ?? { count: 0, lastId: 0, bytes: 0 };
      entry.count += 1;
      entry.bytes += write.update.length;
      entry.lastId = firstId + index;
      perDoc.set(write.doc, entry);
    });
    for (const [doc, { count, lastId: last, bytes }] of perDoc) session.committed(doc, count, last, bytes);
    for (const write of writes) write.onCommitted?.();
  }
}

function groupBySession(batch: readonly PendingWrite[]): Map<LiveSession, PendingWrite[]> {
  const groups = new Map<LiveSession, PendingWrite[]>();
  for (const write of batch) {
    const group = groups.get(write.session);
    if (group) group.push(write);
    else groups.set(write.session, [write]);
  }
  return groups;
}
