import * as Y from 'yjs';
import { DOC_NAMES } from '../../core/workshop/doc-names';
import type { DocName } from '../../core/workshop/doc-names';
import type { SessionStore } from '../persistence/session-store';
import { Room } from '../sync/room';

/** Compact a document's log once this many updates follow its snapshot. */
export const COMPACT_AFTER_UPDATES = 500;

interface DocLog {
  /** Id of the last update applied to the room's document. */
  lastId: number;
  /** Updates stored since the last snapshot. */
  pending: number;
}

/**
 * A session that is open in this host: its store and one room per document.
 * Loading replays snapshot + log into fresh documents; compaction writes the document's state as
 * the new snapshot and drops the log it replaces, so opening stays fast however long the workshop.
 */
export class LiveSession {
  readonly rooms: Readonly<Record<DocName, Room>>;
  private readonly logs: Record<DocName, DocLog>;

  private constructor(
    readonly id: string,
    readonly store: SessionStore,
    private readonly log: (line: string) => void,
  ) {
    this.rooms = { control: new Room(id, 'control'), board: new Room(id, 'board') };
    this.logs = { control: { lastId: 0, pending: 0 }, board: { lastId: 0, pending: 0 } };
  }

  static load(id: string, store: SessionStore, log: (line: string) => void): LiveSession {
    const session = new LiveSession(id, store, log);
    for (const name of DOC_NAMES) session.loadDoc(name);
    return session;
  }

  private loadDoc(name: DocName): void {
    const stored = this.store.loadDoc(name);
    const room = this.rooms[name];
    room.doc.transact(() => {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(room.doc, update, 'load');
        } catch (error) {
          // Never expected (updates are validated before storing); keep the rest of the session readable.
          this.log(`session ${this.id}/${name}: skipped an unreadable stored update: ${(error as Error).message}`);
        }
      }
    }, 'load');
    this.logs[name] = { lastId: stored.lastId, pending: stored.pendingCount };
    if (stored.pendingCount >= COMPACT_AFTER_UPDATES / 5) this.tryCompact(name);
  }

  /** Records that updates up to `lastId` were stored and applied; compacts when the log is long. */
  committed(name: DocName, count: number, lastId: number): void {
    const entry = this.logs[name];
    entry.lastId = lastId;
    entry.pending += count;
    if (entry.pending >= COMPACT_AFTER_UPDATES) this.tryCompact(name);
  }

  /** Compaction saves time, not data: if it fails (disk full), the log still holds everything. */
  private tryCompact(name: DocName): void {
    try {
      this.compact(name);
    } catch (error) {
      this.log(`session ${this.id}/${name}: compaction failed, log kept: ${(error as Error).message}`);
    }
  }

  /** Writes the document's state as its snapshot, replacing the log up to the last applied update. */
  compact(name: DocName): void {
    const entry = this.logs[name];
    if (entry.pending === 0) return;
    const state = Y.encodeStateAsUpdate(this.rooms[name].doc);
    this.store.writeSnapshot(name, state, entry.lastId);
    entry.pending = 0;
  }

  get connectionCount(): number {
    return this.rooms.control.connectionCount + this.rooms.board.connectionCount;
  }

  /** Disconnects everyone, compacts, and closes the file. */
  close(code: number, reason: string): void {
    for (const name of DOC_NAMES) this.rooms[name].closeAll(code, reason);
    try {
      for (const name of DOC_NAMES) this.tryCompact(name);
    } finally {
      for (const name of DOC_NAMES) this.rooms[name].destroy();
      this.store.close();
    }
  }
}
