import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import { writeSessionInfo } from '../../core/workshop/session-info';
import { DOC_NAMES, type DocName } from '../../core/workshop/doc-names';
import { applyTemplate } from '../../core/workshop/templates';
import type { Template } from '../../core/workshop/templates';
import type { SessionSummary } from '../../contracts/http';
import { CLOSE_CODES } from '../../contracts/sync';
import { randomId } from '../auth/tokens';
import type { SessionDirectory, SessionListing } from '../persistence/session-directory';
import type { WriteQueue } from '../sync/write-queue';
import { LiveSession } from './live-session';
import { SessionBackups } from '../persistence/backups';
import type { BackupReason } from '../persistence/backups';

/**
 * The sessions this host knows: the files in the data folder, and the ones open right now.
 * A session is opened on first use (a connection, a share) and stays open until the host stops
 * or the session is deleted.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();
  readonly backups: SessionBackups;

  constructor(
    readonly directory: SessionDirectory,
    private readonly writes: WriteQueue,
    private readonly log: (line: string) => void,
  ) {
    this.backups = new SessionBackups(directory.dataDir);
  }

  /** Every session file, newest first. Damaged files are listed with their status, never hidden. */
  list(): SessionSummary[] {
    return this.directory
      .ids()
      .map((id) => this.summary(id))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  summary(id: string): SessionSummary {
    const open = this.live.get(id);
    if (open) {
      const meta = open.store.meta();
      return { ...meta, shared: open.store.share() !== null, status: 'ok', file: open.store.path };
    }
    if (!this.directory.exists(id)) throw new DomainError('not-found', `no session ${id}`);
    return toSummary(this.directory.inspect(id));
  }

  /** Every listing (for start-up: which sessions were shared, which files are damaged). */
  inspectAll(): SessionListing[] {
    return this.directory.ids().map((id) => this.directory.inspect(id));
  }

  /** Creates a session file; a template's steps become its agenda. */
  create(title: string, template?: Template, now: number = Date.now()): SessionSummary {
    const id = randomId();
    const store = this.directory.create(id, title, now);
    // The session's facts (and agenda) go into the control document's log before anyone can connect.
    const control = new Y.Doc();
    writeSessionInfo(control, { title, createdAt: now });
    if (template) applyTemplate(control, template);
    store.appendUpdates([{ doc: 'control', data: Y.encodeStateAsUpdate(control) }]);
    control.destroy();
    this.track(LiveSession.load(id, store, this.writes, this.log));
    return this.summary(id);
  }

  /** Keeps a session open, with a backup each time the room moves to another step. */
  private track(session: LiveSession): LiveSession {
    this.live.set(session.id, session);
    session.onStepChange(() => this.backup(session.id, 'step'));
    return session;
  }

  /** Makes a backup of an open session; a failure is logged, never thrown (the session itself is fine). */
  backup(id: string, reason: BackupReason): void {
    const session = this.live.get(id);
    if (!session) return;
    try {
      this.backups.make(id, session.store, reason);
    } catch (error) {
      this.log(`session ${id}: backup (${reason}) failed: ${(error as Error).message}`);
    }
  }

  /**
   * Replaces a session's file by one of its backups. The current file is backed up first, so a
   * restore can itself be undone; connections are closed and reconnect to the restored session.
   */
  restore(id: string, backupName: string): void {
    const session = this.open(id);
    const share = session.store.share();
    const participants = session.store.exportParticipants();
    const lineages = DOC_NAMES.map((doc) => ({
      doc,
      stateVector: Y.decodeStateVector(Y.encodeStateVector(session.rooms[doc].doc)),
      retired: session.store.retiredClients(doc),
    }));
    this.backups.make(id, session.store, 'before-restore');
    this.live.delete(id);
    session.close(CLOSE_CODES.restarting, 'session restored from a backup');
    this.backups.restoreInto(id, backupName, this.directory.pathFor(id));
    this.retireRenewedLineages(id, lineages);
    // Who is in the room, and who was removed, is about today, not the file's past: the code in use
    // stays valid, people who joined after the backup keep their place, and a removal stays made.
    const restored = this.open(id).store;
    restored.setShare(share);
    restored.importParticipants(participants);
  }

  /** The open session, opening its file if needed. Throws DomainError for a missing or bad file. */
  open(id: string): LiveSession {
    const existing = this.live.get(id);
    if (existing) return existing;
    const store = this.directory.open(id);
    return this.track(LiveSession.load(id, store, this.writes, this.log));
  }

  isOpen(id: string): boolean {
    return this.live.has(id);
  }

  /** After a failed commit: forget the in-memory session; the next use reopens it from its file. */
  evict(id: string): void {
    const session = this.live.get(id);
    if (!session) return;
    this.live.delete(id);
    try {
      session.discard(CLOSE_CODES.internalError, 'the host could not save; reconnecting');
    } catch (error) {
      this.log(`session ${id}: discard failed: ${(error as Error).message}`);
    }
  }

  /**
   * A backup from before a fresh lineage (sessions/compaction.ts) holds the old lineage, and devices
   * that synced the fresh one hold client ids the backup never saw: merged in, their items would
   * clash with the restored ones. Those ids are retired in the restored file too, so such a device
   * is told 4409 and syncs the restored board afresh. Without a renewal since the backup nothing
   * changes: devices merge their copies as they always have.
   */
  private retireRenewedLineages(
    id: string,
    lineages: readonly { doc: DocName; stateVector: ReadonlyMap<number, number>; retired: ReadonlyMap<number, number> }[],
  ): void {
    const store = this.directory.open(id);
    try {
      for (const { doc, stateVector, retired } of lineages) {
        const restoredRetired = store.retiredClients(doc);
        if (![...retired.keys()].some((client) => !restoredRetired.has(client))) continue;
        const known = new Set([...store.clientOwners(doc).keys(), ...restoredRetired.keys()]);
        store.retireClients(doc, new Map([...stateVector].filter(([client]) => !known.has(client))));
      }
    } finally {
      store.close();
    }
  }

  /** Removes the session completely: its file, its backups, and (being the index) its listing. */
  delete(id: string): void {
    this.live.get(id)?.close(CLOSE_CODES.notFound, 'session deleted');
    this.live.delete(id);
    if (!this.directory.exists(id)) throw new DomainError('not-found', `no session ${id}`);
    this.directory.remove(id);
    this.backups.removeAll(id);
  }

  /** Closes every open session (compacting each); used on shutdown. */
  closeAll(): void {
    for (const [id, session] of this.live) {
      this.backup(id, 'stop');
      try {
        session.close(CLOSE_CODES.goingAway, 'host stopping');
      } catch (error) {
        this.log(`session ${id}: close failed: ${(error as Error).message}`);
      }
    }
    this.live.clear();
  }
}

function toSummary(listing: SessionListing): SessionSummary {
  return {
    id: listing.id,
    title: listing.meta?.title ?? '',
    createdAt: listing.meta?.createdAt ?? 0,
    updatedAt: listing.meta?.updatedAt ?? 0,
    shared: listing.share !== null,
    status: listing.status,
    file: listing.path,
  };
}
