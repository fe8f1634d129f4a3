import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import type { DocName } from '../../core/workshop/doc-names';
import type { LiveSession } from '../sessions/live-session';
import type { HeldRelays, RoomConnection } from './room';

/** Why an update was not accepted (the connection is closed with this code and reason). */
export interface Refusal {
  readonly code: number;
  readonly reason: string;
}

export interface PendingWrite {
  readonly session: LiveSession;
  readonly doc: DocName;
  readonly update: Uint8Array;
  readonly origin: RoomConnection | 'host';
  /** The host wrote it into its document already: after storing, only relay it. */
  readonly applied?: boolean;
  /**
   * The host's rules, run at flush time against the document as every earlier update of the batch
   * left it (so an edit right after an add sees the add). Returns a refusal, or null to accept.
   */
  readonly check?: () => Refusal | null;
  readonly onRefused?: (refusal: Refusal) => void;
  /** Called if the batch could not be stored or made durable: nothing of it was relayed. */
  readonly onFailed: (error: DomainError) => void;
  /** Called once it is durable on disk and relayed. */
  readonly onCommitted?: () => void;
}

/**
 * Write-before-relay with group commit. Updates that arrive in one event-loop turn are, per session
 * and in arrival order: checked against the rules, applied to the in-memory documents with their
 * relay held back, and written in ONE SQLite transaction (with the rules' client-id claims). The
 * batch's relays are then taken out of the rooms and handed to the store's durability gate
 * (`SessionStore.whenDurable`): they are sent, in commit order, once an fdatasync of the WAL that
 * began after the commit has ended. By default that fdatasync runs right away, on the event loop
 * (~0.3 ms here; wal-durability.ts says why not in the threadpool), so everything that arrives
 * meanwhile goes into the next batch: the groups grow with the load and the disk's speed. With an
 * asynchronous fdatasync the next batches are committed while it runs, and one fsync covers them all.
 *
 * Between "committed" and "durable" a document holds updates that a power loss could take from the
 * file. Nothing of them leaves the host before they are durable: relays wait here, and sync answers
 * wait for the same gate in the room. The rules may see them (they are committed; if the fsync
 * fails, everything checked against them is dropped with them). If the commit or its fsync fails,
 * nothing of the batch is relayed and the session is reloaded from its file, dropping what was
 * applied but not stored.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  /** Updates written and durable since start; the benchmark and tests read it. */
  written = 0;

  constructor(private readonly onCommitFailed: (session: LiveSession, error: DomainError) => void = () => {}) {}

  enqueue(write: PendingWrite): void {
    this.pending.push(write);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /**
   * Checks and commits everything queued; the relays follow once it is durable (at the latest when
   * the session's store closes, which syncs what is pending). Safe to call at any time (shutdown calls it).
   */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    for (const [session, writes] of groupBySession(batch)) this.commit(session, writes);
  }

  private commit(session: LiveSession, writes: PendingWrite[]): void {
    const rooms = Object.values(session.rooms);
    // The rooms' sync answers wait for the same disk (each room has the session's store as its gate).
    for (const room of rooms) room.holdRelays();
    const accepted: PendingWrite[] = [];
    let processed = 0;
    let lastId: number;
    let relays: HeldRelays[];
    try {
      // One transaction for the whole batch: the client ids the rules claim for new writers are
      // stored with the updates, not in a commit of their own.
      lastId = session.store.transaction(() => {
        for (const write of writes) {
          processed += 1;
          if (this.accept(session, write)) accepted.push(write);
        }
        return accepted.length === 0 ? 0 : session.store.appendUpdates(accepted.map((w) => ({ doc: w.doc, data: w.update })));
      });
    } catch (error) {
      const failure = error instanceof DomainError ? error : new DomainError('storage-failed', String(error));
      // Nothing of the batch is on disk: neither what was accepted nor what was not reached yet.
      this.fail(session, [...accepted, ...writes.slice(processed)], failure);
      return;
    } finally {
      // This batch's relays, whatever happened: the next batch holds its own.
      relays = rooms.map((room) => room.takeRelays());
    }
    if (accepted.length === 0) return;
    // Now, not once durable: the documents hold these updates already, and compaction (which this
    // may start) snapshots the documents as they are, up to `lastId`.
    this.record(session, accepted, lastId);
    session.store.whenDurable(
      () => {
        this.written += accepted.length;
        rooms.forEach((room, index) => room.sendRelays(relays[index] ?? []));
        for (const write of accepted) write.onCommitted?.();
      },
      (failure) => this.fail(session, accepted, failure),
    );
  }

  /** Nothing of these writes is (known to be) on disk: none is relayed, and the session reloads from its file. */
  private fail(session: LiveSession, writes: readonly PendingWrite[], failure: DomainError): void {
    for (const write of writes) write.onFailed(failure);
    this.onCommitFailed(session, failure);
  }

  /** Runs the rules and applies one update to its document (its relay is held). */
  private accept(session: LiveSession, write: PendingWrite): boolean {
    if (write.applied) {
      // Already in the document; its relay waits with the others for the commit.
      session.rooms[write.doc].relay(write.update);
      return true;
    }
    const refusal = write.check?.() ?? null;
    if (refusal) {
      write.onRefused?.(refusal);
      return false;
    }
    try {
      Y.applyUpdate(session.rooms[write.doc].doc, write.update, write.origin);
      return true;
    } catch {
      write.onRefused?.({ code: 4400, reason: 'not a valid Yjs update' });
      return false;
    }
  }

  /** Tells the session which log ids it now holds per document (for compaction). */
  private record(session: LiveSession, writes: readonly PendingWrite[], lastId: number): void {
    // Ids are consecutive within the transaction: the first write got lastId - (n - 1).
    const firstId = lastId - writes.length + 1;
    const perDoc = new Map<DocName, { count: number; lastId: number; bytes: number }>();
    writes.forEach((write, index) => {
      const entry = perDoc.get(write.doc) ?? { count: 0, lastId: 0, bytes: 0 };
      entry.count += 1;
      entry.bytes += write.update.length;
      entry.lastId = firstId + index;
      perDoc.set(write.doc, entry);
    });
    for (const [doc, { count, lastId: last, bytes }] of perDoc) session.committed(doc, count, last, bytes);
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
