import * as Y from 'yjs';
import { DOC_NAMES } from '../../core/workshop/doc-names';
import { isStaleCopy, touchesRetired } from '../../core/workshop/fresh-lineage';
import type { DocName } from '../../core/workshop/doc-names';
import { HOST_ORIGIN } from '../../core/workshop/origins';
import type { SessionStore, StoredDoc } from '../persistence/session-store';
import { ClientOwners, HOST_OWNER } from '../rules/client-owners';
import { Room, applyStored } from '../sync/room';
import type { WriteQueue } from '../sync/write-queue';
import { compactDoc } from './compaction';

/** Compact a document's log once this many updates follow its snapshot. */
export const COMPACT_AFTER_UPDATES = 500;

interface DocLog {
  /** Id of the last update applied to the room's document. */
  lastId: number;
  /** Updates stored since the last snapshot. */
  pending: number;
  /** Snapshot plus log bytes: an upper bound of the document's size, for the size limit. */
  bytes: number;
}

/**
 * A session that is open in this host: its store and one room per document.
 * Loading replays snapshot + log into fresh documents; compaction writes the document's state as
 * the new snapshot and drops the log it replaces, so opening stays fast however long the workshop.
 */
export class LiveSession {
  readonly rooms: Readonly<Record<DocName, Room>>;
  /** Built with the document, on first use (ClientOwners reads the document's client ids). */
  readonly owners: Readonly<Record<DocName, ClientOwners>>;
  private readonly logs: Record<DocName, DocLog>;
  /** Per document, the client ids of its earlier lineages: a device copy holding one is refused. */
  private readonly retired: Record<DocName, ReadonlyMap<number, number>> = { control: new Map(), board: new Map(), vault: new Map() };

  private constructor(
    readonly id: string,
    readonly store: SessionStore,
    private readonly writes: WriteQueue,
    private readonly log: (line: string) => void,
  ) {
    // Sync answers wait for the disk from the start: a snapshot written while opening (a fresh
    // lineage, sessions/compaction.ts) is committed, and durable only with the next fdatasync.
    const room = (name: DocName): Room => new Room(id, name, (update) => this.storeHostChange(name, update), store);
    // Note: host changes made during a flush (e.g. "answered") are queued for the next one.
    this.rooms = { control: room('control'), board: room('board'), vault: room('vault') };
    this.logs = {
      control: { lastId: 0, pending: 0, bytes: 0 },
      board: { lastId: 0, pending: 0, bytes: 0 },
      vault: { lastId: 0, pending: 0, bytes: 0 },
    };
    const owners = {} as Record<DocName, ClientOwners>;
    for (const name of DOC_NAMES) {
      let built: ClientOwners | null = null;
      Object.defineProperty(owners, name, { enumerable: true, get: () => (built ??= this.ownersOf(name)) });
    }
    this.owners = owners;
  }

  /**
   * Opens the session from its store. The documents are built from the file when first needed
   * (see Room): opening reads the stored bytes and nothing more, unless a log is long enough to
   * compact now.
   */
  static load(id: string, store: SessionStore, writes: WriteQueue, log: (line: string) => void): LiveSession {
    const session = new LiveSession(id, store, writes, log);
    for (const name of DOC_NAMES) session.loadDoc(name);
    return session;
  }

  private ownersOf(name: DocName): ClientOwners {
    const doc = this.rooms[name].doc;
    const owners = new ClientOwners(this.store, name, doc);
    owners.claim([doc.clientID], HOST_OWNER);
    return owners;
  }

  /**
   * Changes a document as the host (reveal, hide, who has answered). The change is applied here at
   * once, stored by the write queue, and relayed to everyone only once it is on disk.
   */
  hostWrite(name: DocName, change: (doc: Y.Doc) => void): void {
    const doc = this.rooms[name].doc;
    doc.transact(() => change(doc), HOST_ORIGIN);
  }

  private storeHostChange(name: DocName, update: Uint8Array): void {
    this.writes.enqueue({
      session: this,
      doc: name,
      update,
      origin: 'host',
      applied: true,
      onFailed: (error) => this.log(`session ${this.id}/${name}: a host change was not stored: ${error.message}`),
    });
  }

  private loadDoc(name: DocName): void {
    let stored = this.store.loadDoc(name);
    if (stored.pendingCount >= COMPACT_AFTER_UPDATES / 5) stored = this.compactOnOpen(name, stored);
    this.retired[name] = this.store.retiredClients(name);
    this.rooms[name].defer(stored.updates, this.reportUnreadable(name));
    this.logs[name] = {
      lastId: stored.lastId,
      pending: stored.pendingCount,
      bytes: stored.updates.reduce((sum, u) => sum + u.length, 0),
    };
  }

  /**
   * A long log is replayed and compacted while opening, before anyone is connected: so the
   * document may get a fresh lineage if it is mostly history. If compacting fails (a full disk),
   * the log is kept and opened as it is.
   */
  private compactOnOpen(name: DocName, stored: StoredDoc): StoredDoc {
    const doc = new Y.Doc({ gc: true });
    try {
      applyStored(doc, stored.updates, this.reportUnreadable(name));
      const { state, freshLineage } = compactDoc(this.store, name, doc, stored.lastId, true);
      if (freshLineage) this.log(`session ${this.id}/${name}: compacted into a fresh lineage (${stored.pendingCount} updates of history)`);
      return { updates: [state], lastId: stored.lastId, pendingCount: 0 };
    } catch (error) {
      this.log(`session ${this.id}/${name}: compaction failed, log kept: ${(error as Error).message}`);
      return stored;
    } finally {
      doc.destroy();
    }
  }

  /** Logs a stored update that could not be applied (never expected: updates are checked before storing). */
  private reportUnreadable(name: DocName): (error: Error) => void {
    return (error) => this.log(`session ${this.id}/${name}: skipped an unreadable stored update: ${error.message}`);
  }

  /** Whether a device's state vector (its sync step 1) shows a copy of an earlier lineage. */
  isStaleCopy(name: DocName, stateVector: Uint8Array): boolean {
    return isStaleCopy(Y.decodeStateVector(stateVector), this.retired[name]);
  }

  /**
   * The state vector the document's earlier lineages ended with (empty if it has none): a device
   * refused with 4409 keeps, of its copy, what lies beyond it (it never reached the host).
   */
  retiredStateVector(name: DocName): Uint8Array {
    return Y.encodeStateVector(this.retired[name] as Map<number, number>);
  }

  /** Whether a decoded update writes or deletes under a client id of an earlier lineage. */
  touchesRetired(name: DocName, update: ReturnType<typeof Y.decodeUpdate>): boolean {
    return touchesRetired(update, this.retired[name]);
  }

  /** Records that updates up to `lastId` were stored and applied; compacts when the log is long. */
  committed(name: DocName, count: number, lastId: number, bytes = 0): void {
    const entry = this.logs[name];
    entry.lastId = lastId;
    entry.pending += count;
    entry.bytes += bytes;
    if (entry.pending >= COMPACT_AFTER_UPDATES) this.tryCompact(name);
  }

  /** Compaction saves time, not data: if it fails (disk full), the log still holds everything. */
  private tryCompact(name: DocName, mayRenew = false): void {
    try {
      this.compact(name, mayRenew);
    } catch (error) {
      this.log(`session ${this.id}/${name}: compaction failed, log kept: ${(error as Error).message}`);
    }
  }

  /**
   * Writes the document's state as its snapshot, replacing the log up to the last applied update.
   * `mayRenew` (only while closing, with everyone disconnected) lets a document that is mostly
   * history get a fresh lineage (sessions/compaction.ts); the room is destroyed right after.
   */
  private compact(name: DocName, mayRenew: boolean): void {
    const entry = this.logs[name];
    if (entry.pending === 0) return;
    const { state, freshLineage } = compactDoc(this.store, name, this.rooms[name].doc, entry.lastId, mayRenew);
    if (freshLineage) this.log(`session ${this.id}/${name}: compacted into a fresh lineage while closing`);
    entry.pending = 0;
    entry.bytes = state.length;
  }

  /** Calls `listener` (at most once a second) after the room moves to another step. */
  onStepChange(listener: () => void): void {
    const run = this.rooms.control.doc.getMap('run');
    let current = run.get('currentStepId');
    let timer: NodeJS.Timeout | null = null;
    run.observe(() => {
      const next = run.get('currentStepId');
      if (next === current) return;
      current = next;
      timer ??= setTimeout(() => {
        timer = null;
        listener();
      }, 1000);
    });
    this.stopStepWatch = () => {
      if (timer) clearTimeout(timer);
    };
  }

  private stopStepWatch: () => void = () => {};

  approximateBytes(name: DocName): number {
    return this.logs[name].bytes;
  }

  /** Closes every connection of one participant (removed by the facilitator). */
  disconnectParticipant(participantId: string, code: number, reason: string): void {
    for (const name of DOC_NAMES) this.rooms[name].closeAll(code, reason, (c) => c.participantId === participantId);
  }

  get connectionCount(): number {
    return DOC_NAMES.reduce((sum, name) => sum + this.rooms[name].connectionCount, 0);
  }

  /**
   * Drops the in-memory documents without writing anything (after a failed commit they may hold
   * what is not on disk): everyone reconnects and gets the file's state plus what their devices hold.
   */
  discard(code: number, reason: string): void {
    this.stopStepWatch();
    for (const name of DOC_NAMES) this.rooms[name].closeAll(code, reason);
    for (const name of DOC_NAMES) this.rooms[name].destroy();
    this.store.close();
  }

  /** Disconnects everyone, compacts, and closes the file. */
  close(code: number, reason: string): void {
    this.stopStepWatch();
    for (const name of DOC_NAMES) this.rooms[name].closeAll(code, reason);
    try {
      for (const name of DOC_NAMES) this.tryCompact(name, true);
    } finally {
      for (const name of DOC_NAMES) this.rooms[name].destroy();
      this.store.close();
    }
  }
}
