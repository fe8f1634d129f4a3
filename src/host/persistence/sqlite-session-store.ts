import type { Database as Db } from 'better-sqlite3';
import { DomainError } from '../../core/errors';
import type { DocName } from '../../core/workshop/doc-names';
import type { ParticipantRole } from '../../core/roles';
import { APPLICATION_ID, SCHEMA_VERSION, migrate } from './migrations';
import { openSqliteFile } from './sqlite-file';
import { WalDurability, type SyncFile } from './wal-durability';
import type {
  StoredParticipant,
  ParticipantRecord,
  SessionMeta,
  SessionStore,
  ShareRecord,
  StoredDoc,
} from './session-store';

export interface StoreOptions {
  /** The WAL's fdatasync (default `fdatasyncInline`); tests wrap the real one, e.g. with a delay. */
  readonly syncWal?: SyncFile;
}

/**
 * One session = one SQLite file (WAL). better-sqlite3 lives only in this adapter.
 *
 * **Durability**: the file is opened with `synchronous = NORMAL`, so a commit is a write() into the WAL:
 * atomic, and kept when the process is killed, but not yet on disk. `WalDurability` makes it durable
 * (surviving power loss) with an fdatasync of the `-wal` file covering every commit made before it:
 * by default right away, on the event loop (wal-durability.ts says why); an asynchronous fdatasync,
 * one at a time, works too.
 * - The write path (`transaction`) does not wait: its caller hands what must wait for the disk (the
 *   relays, the sync answers) to `whenDurable`.
 * - The few writes outside it whose callers rely on them being on disk when they return (a new file,
 *   an import, participants, a revocation, the share, a lone client-id claim) fsync before returning,
 *   as `synchronous = FULL` did.
 * - A snapshot (`writeSnapshot`) is durable with the next fsync or at close: losing it loses nothing,
 *   the log it replaces is deleted in the same transaction.
 */
export class SqliteSessionStore implements SessionStore {
  private readonly statements: ReturnType<typeof prepare>;
  /** Null for a read-only store (it commits nothing). */
  private readonly durability: WalDurability | null;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    syncWal?: SyncFile,
  ) {
    this.statements = prepare(db);
    this.durability = db.readonly ? null : new WalDurability(`${path}-wal`, syncWal);
  }

  /** Creates a new session file; fails if the file exists. */
  static create(path: string, meta: { id: string; title: string; createdAt: number }, options: StoreOptions = {}): SqliteSessionStore {
    const db = openDatabase(path, { mustExist: false });
    try {
      if ((db.pragma('application_id', { simple: true }) as number) !== 0) {
        throw new DomainError('session-corrupt', `${path} already holds data`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      const store = new SqliteSessionStore(path, db, options.syncWal);
      db.transaction(() => {
        store.setMeta('id', meta.id);
        store.setMeta('title', meta.title);
        store.setMeta('createdAt', String(meta.createdAt));
        store.setMeta('updatedAt', String(meta.createdAt));
      })();
      // The new file is on disk before anyone is told it exists.
      store.durability?.syncLeftOver();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Opens an existing session file, migrating it if it is older. Refuses (DomainError) a file that
   * is not SQLite, not Samskapa's, damaged, or from a newer version, without writing to it.
   */
  static open(path: string, options: StoreOptions & { readonly readonly?: boolean } = {}): SqliteSessionStore {
    const db = openDatabase(path, { mustExist: true, readonly: options.readonly ?? false });
    try {
      const appId = db.pragma('application_id', { simple: true }) as number;
      if (appId !== APPLICATION_ID) throw new DomainError('session-corrupt', `${path}: not a Samskapa session file`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new DomainError('session-too-new', `${path}: schema ${version} is newer than ${SCHEMA_VERSION}`);
      }
      if (version < SCHEMA_VERSION) {
        if (options.readonly) throw new DomainError('session-unavailable', `${path}: needs migration`);
        migrate(db);
      }
      const store = new SqliteSessionStore(path, db, options.syncWal);
      store.meta(); // a file without its facts is damaged
      // What a host killed before its fdatasync left in the WAL (and a migration) is on disk before
      // anything read from the file is sent.
      store.durability?.syncLeftOver();
      return store;
    } catch (error) {
      db.close();
      if (error instanceof DomainError) throw error;
      throw new DomainError('session-corrupt', `${path}: ${(error as Error).message}`);
    }
  }

  meta(): SessionMeta {
    const rows = this.statements.allMeta.all() as { key: string; value: string }[];
    const map = new Map(rows.map((r) => [r.key, r.value]));
    const id = map.get('id');
    const title = map.get('title');
    const createdAt = Number(map.get('createdAt'));
    const updatedAt = Number(map.get('updatedAt') ?? createdAt);
    if (!id || title === undefined || !Number.isFinite(createdAt)) {
      throw new DomainError('session-corrupt', `${this.path}: session facts missing`);
    }
    return { id, title, createdAt, updatedAt };
  }

  loadDoc(doc: DocName): StoredDoc {
    const snapshot = this.statements.snapshot.get(doc) as { data: Buffer; upto: number } | undefined;
    const upto = snapshot?.upto ?? 0;
    const rows = this.statements.updatesAfter.all(doc, upto) as { id: number; data: Buffer }[];
    const updates: Uint8Array[] = [];
    if (snapshot) updates.push(new Uint8Array(snapshot.data));
    for (const row of rows) updates.push(new Uint8Array(row.data));
    const lastId = rows.length > 0 ? (rows[rows.length - 1]?.id ?? upto) : upto;
    return { updates, lastId, pendingCount: rows.length };
  }

  transaction<T>(work: () => T): T {
    // better-sqlite3 turns a transaction inside this one into a savepoint: it joins this commit.
    // No fsync here: the caller waits for the disk with `whenDurable`.
    return this.guard(() => this.db.transaction(work)());
  }

  whenDurable(done: () => void, failed: (error: DomainError) => void): void {
    if (!this.durability) return done();
    this.durability.whenDurable(done, failed);
  }

  appendUpdates(batch: readonly { readonly doc: DocName; readonly data: Uint8Array }[]): number {
    return this.durableWrite(() =>
      this.db.transaction(() => {
        let last = 0;
        for (const { doc, data } of batch) {
          last = Number(this.statements.insertUpdate.run(doc, data).lastInsertRowid);
        }
        this.setMeta('updatedAt', String(Date.now()));
        return last;
      })(),
    );
  }

  writeSnapshot(doc: DocName, state: Uint8Array, upto: number): void {
    this.guard(() =>
      this.db.transaction(() => {
        this.statements.upsertSnapshot.run(doc, state, upto, Date.now());
        this.statements.deleteUpdatesUpTo.run(doc, upto);
      })(),
    );
  }

  addParticipant(record: ParticipantRecord, tokenHash: string): void {
    this.durableWrite(() =>
      this.statements.insertParticipant.run(
        record.id,
        tokenHash,
        record.name,
        record.role,
        record.anonymous ? 1 : 0,
        record.createdAt,
      ),
    );
  }

  findParticipant(tokenHash: string): ParticipantRecord | null {
    const row = this.statements.participantByToken.get(tokenHash) as ParticipantRow | undefined;
    return row ? toParticipant(row) : null;
  }

  listParticipants(): ParticipantRecord[] {
    return (this.statements.allParticipants.all() as ParticipantRow[]).map(toParticipant);
  }

  exportParticipants(): readonly StoredParticipant[] {
    return (this.statements.allParticipants.all() as (ParticipantRow & { token_hash: string })[]).map((row) => ({
      ...toParticipant(row),
      tokenHash: row.token_hash,
    }));
  }

  importParticipants(rows: readonly StoredParticipant[]): void {
    this.durableWrite(() =>
      this.db.transaction(() => {
        for (const r of rows) {
          this.statements.upsertParticipant.run(r.id, r.tokenHash, r.name, r.role, r.anonymous ? 1 : 0, r.createdAt, r.revokedAt);
        }
      })(),
    );
  }

  revokeParticipant(id: string, at: number): boolean {
    return this.durableWrite(() => this.statements.revokeParticipant.run(at, id).changes > 0);
  }

  clientOwners(doc: DocName): ReadonlyMap<number, string> {
    const rows = this.statements.clientOwners.all(doc) as { client_id: number; owner: string }[];
    return new Map(rows.map((r) => [r.client_id, r.owner]));
  }

  addClientOwners(doc: DocName, owners: readonly (readonly [number, string])[]): void {
    this.durableWrite(() =>
      this.db.transaction(() => {
        for (const [clientId, owner] of owners) this.statements.insertClientOwner.run(doc, clientId, owner);
      })(),
    );
  }

  retiredClients(doc: DocName): ReadonlyMap<number, number> {
    const rows = this.statements.retiredClients.all(doc) as { client_id: number; clock: number }[];
    return new Map(rows.map((r) => [r.client_id, r.clock]));
  }

  retireClients(doc: DocName, clients: ReadonlyMap<number, number>): void {
    this.guard(() =>
      this.db.transaction(() => {
        for (const [client, clock] of clients) this.statements.insertRetiredClient.run(doc, client, clock);
      })(),
    );
  }

  share(): ShareRecord | null {
    const row = this.statements.share.get() as
      | { join_code: string; join_secret: string; address: string; expires_at: number; created_at: number }
      | undefined;
    if (!row) return null;
    return {
      joinCode: row.join_code,
      joinSecret: row.join_secret,
      address: row.address,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    };
  }

  setShare(record: ShareRecord | null): void {
    this.durableWrite(() => {
      if (record === null) {
        this.statements.deleteShare.run();
        return;
      }
      this.statements.upsertShare.run(
        record.joinCode,
        record.joinSecret,
        record.address,
        record.expiresAt,
        record.createdAt,
      );
    });
  }

  /** A consistent, compacted copy of the whole file at `path` (SQLite's VACUUM INTO), taken while open. */
  vacuumInto(path: string): void {
    // Writes another file, not this one: nothing to count or fsync here.
    this.translate(() => this.db.prepare('VACUUM INTO ?').run(path));
  }

  close(): void {
    if (!this.db.open) return;
    try {
      // What is committed and not yet fsynced is made durable (one blocking fdatasync, only if
      // needed) and its waiters run; an fdatasync in flight closes its descriptor when it ends.
      this.durability?.close();
    } finally {
      // A waiter may have closed it already (a failed fsync reloads the session, which closes its store).
      if (this.db.open) {
        // Fold the WAL back into the main file so a copied or archived file is complete on its own.
        try {
          if (!this.db.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          this.db.close();
        }
      }
    }
  }

  private setMeta(key: string, value: string): void {
    this.statements.upsertMeta.run(key, value);
  }

  /**
   * Every write to the file goes through here: SQLite failures become typed domain errors, and a
   * write that committed (not a savepoint inside the write path's transaction) is counted, so
   * `whenDurable` waits for the fdatasync that covers it.
   */
  private guard<T>(write: () => T): T {
    const result = this.translate(write);
    if (!this.db.inTransaction) this.durability?.committed();
    return result;
  }

  /** A write whose caller relies on it being on disk when it returns: fsyncs the WAL before returning. */
  private durableWrite<T>(write: () => T): T {
    const result = this.guard(write);
    if (!this.db.inTransaction) this.durability?.syncNow();
    return result;
  }

  /** Turns SQLite failures (disk full, read-only file, I/O error) into typed domain errors. */
  private translate<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('storage-failed', `${this.path}: ${(error as Error).message}`);
    }
  }
}

interface ParticipantRow {
  id: string;
  name: string | null;
  role: string;
  anonymous: number;
  created_at: number;
  revoked_at: number | null;
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ParticipantRole,
    anonymous: row.anonymous === 1,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function openDatabase(path: string, options: { mustExist: boolean; readonly?: boolean }): Db {
  // NORMAL: a commit does not fsync on the event loop; WalDurability fsyncs the WAL off it (see above).
  return openSqliteFile(path, { ...options, synchronous: 'NORMAL', cannotOpen: 'session-unavailable', corrupt: 'session-corrupt' });
}

function prepare(db: Db) {
  return {
    allMeta: db.prepare('SELECT key, value FROM meta'),
    upsertMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    snapshot: db.prepare('SELECT data, upto FROM snapshots WHERE doc = ?'),
    updatesAfter: db.prepare('SELECT id, data FROM updates WHERE doc = ? AND id > ? ORDER BY id'),
    insertUpdate: db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)'),
    upsertSnapshot: db.prepare(
      `INSERT INTO snapshots (doc, data, upto, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(doc) DO UPDATE SET data = excluded.data, upto = excluded.upto, created_at = excluded.created_at`,
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?'),
    insertParticipant: db.prepare(
      'INSERT INTO participants (id, token_hash, name, role, anonymous, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    participantByToken: db.prepare('SELECT * FROM participants WHERE token_hash = ?'),
    allParticipants: db.prepare('SELECT * FROM participants ORDER BY created_at'),
    upsertParticipant: db.prepare(
      `INSERT INTO participants (id, token_hash, name, role, anonymous, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET revoked_at = COALESCE(participants.revoked_at, excluded.revoked_at)`,
    ),
    revokeParticipant: db.prepare('UPDATE participants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    share: db.prepare('SELECT * FROM share WHERE id = 1'),
    upsertShare: db.prepare(
      `INSERT INTO share (id, join_code, join_secret, address, expires_at, created_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET join_code = excluded.join_code, join_secret = excluded.join_secret,
         address = excluded.address, expires_at = excluded.expires_at, created_at = excluded.created_at`,
    ),
    deleteShare: db.prepare('DELETE FROM share'),
    clientOwners: db.prepare('SELECT client_id, owner FROM client_owners WHERE doc = ?'),
    insertClientOwner: db.prepare('INSERT OR IGNORE INTO client_owners (doc, client_id, owner) VALUES (?, ?, ?)'),
    retiredClients: db.prepare('SELECT client_id, clock FROM retired_clients WHERE doc = ?'),
    insertRetiredClient: db.prepare('INSERT OR IGNORE INTO retired_clients (doc, client_id, clock) VALUES (?, ?, ?)'),
  };
}
