import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import { writeSessionInfo } from '../../core/workshop/session-info';
import { applyTemplate } from '../../core/workshop/templates';
import type { Template } from '../../core/workshop/templates';
import type { SessionSummary } from '../../contracts/http';
import { CLOSE_CODES } from '../../contracts/sync';
import { randomId } from '../auth/tokens';
import type { SessionDirectory, SessionListing } from '../persistence/session-directory';
import type { WriteQueue } from '../sync/write-queue';
import { LiveSession } from './live-session';

/**
 * The sessions this host knows: the files in the data folder, and the ones open right now.
 * A session is opened on first use (a connection, a share) and stays open until the host stops
 * or the session is deleted.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();

  constructor(
    readonly directory: SessionDirectory,
    private readonly writes: WriteQueue,
    private readonly log: (line: string) => void,
  ) {}

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
    this.live.set(id, LiveSession.load(id, store, this.writes, this.log));
    return this.summary(id);
  }

  /** The open session, opening its file if needed. Throws DomainError for a missing or bad file. */
  open(id: string): LiveSession {
    const existing = this.live.get(id);
    if (existing) return existing;
    const store = this.directory.open(id);
    const session = LiveSession.load(id, store, this.writes, this.log);
    this.live.set(id, session);
    return session;
  }

  isOpen(id: string): boolean {
    return this.live.has(id);
  }

  delete(id: string): void {
    this.live.get(id)?.close(CLOSE_CODES.notFound, 'session deleted');
    this.live.delete(id);
    if (!this.directory.exists(id)) throw new DomainError('not-found', `no session ${id}`);
    this.directory.remove(id);
  }

  /** Closes every open session (compacting each); used on shutdown. */
  closeAll(): void {
    for (const [id, session] of this.live) {
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
