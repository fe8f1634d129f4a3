import type { Database as Db } from 'better-sqlite3';
import { DomainError } from '../../core/errors';
import { ImprovementSchema } from '../../core/improvement/model';
import type { Improvement } from '../../core/improvement/model';
import { latestVersion, openSqliteFile, runMigrations, type Migration } from '../persistence/sqlite-file';

/**
 * One improvement = one SQLite file, `<data>/improvements/<id>.samskapa-improvement` (see
 * docs/improvements.md, "Where an improvement lives and why"). better-sqlite3 lives only here.
 *
 * The file is an append-only list of revisions: every save is a new row holding the whole
 * improvement as JSON, and the current improvement is the last row. Nothing saved is ever
 * overwritten, so any earlier revision can be read back and restored. An improvement is small
 * (kilobytes), so a full copy per save costs little and keeps every revision readable on its own.
 *
 * **Durability**: WAL with `synchronous = FULL`: a save is on disk before the host answers.
 * **Identity**: `application_id` marks the file as a Samskapa improvement (not a session file, not
 * a foreign database); `user_version` is the schema version, migrated forward on open, refused
 * when newer than this app reads.
 */
export const IMPROVEMENT_APPLICATION_ID = 0x536d4970; // "SmIp"; session files use "Sams"

/** Never edit a shipped migration; add a new one. Each runs in one transaction with its version bump. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- Every save, whole; never updated or deleted. The current improvement is the highest rev.
        CREATE TABLE revisions (
          rev INTEGER PRIMARY KEY,
          saved_at INTEGER NOT NULL,
          json TEXT NOT NULL
        );
      `),
  },
];

export const IMPROVEMENT_SCHEMA_VERSION = latestVersion(MIGRATIONS);

export interface RevisionRow {
  readonly revision: number;
  readonly savedAt: number;
}

export class SqliteImprovementFile {
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(
    readonly path: string,
    private readonly db: Db,
  ) {
    this.statements = prepare(db);
  }

  /** Creates the file with its first revision; fails if the file already holds data. */
  static create(path: string, improvement: Improvement, savedAt: number): SqliteImprovementFile {
    const db = openDatabase(path, { mustExist: false });
    try {
      if ((db.pragma('application_id', { simple: true }) as number) !== 0) {
        throw new DomainError('improvement-corrupt', `${path} already holds data`);
      }
      // One transaction: a crash leaves either no improvement or a whole one, never a marked, empty file.
      db.transaction(() => {
        db.pragma(`application_id = ${IMPROVEMENT_APPLICATION_ID}`);
        migrate(db);
        const insert = prepare(db);
        insert.upsertMeta.run('id', improvement.id);
        insert.upsertMeta.run('createdAt', String(improvement.createdAt));
        insert.insertRevision.run(improvement.revision, savedAt, JSON.stringify(improvement));
      })();
      return new SqliteImprovementFile(path, db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Opens an existing file, migrating an older one. Refuses (DomainError) a file that is not
   * SQLite, not an improvement, damaged, or from a newer version, without writing to it.
   */
  static open(path: string, options: { readonly readonly?: boolean } = {}): SqliteImprovementFile {
    const db = openDatabase(path, { mustExist: true, readonly: options.readonly ?? false });
    try {
      const appId = db.pragma('application_id', { simple: true }) as number;
      if (appId !== IMPROVEMENT_APPLICATION_ID) throw new DomainError('improvement-corrupt', `${path}: not a Samskapa improvement file`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > IMPROVEMENT_SCHEMA_VERSION) {
        throw new DomainError('improvement-too-new', `${path}: schema ${version} is newer than ${IMPROVEMENT_SCHEMA_VERSION}`);
      }
      if (version < IMPROVEMENT_SCHEMA_VERSION) {
        if (options.readonly) throw new DomainError('improvement-corrupt', `${path}: needs migration`);
        migrate(db);
      }
      const file = new SqliteImprovementFile(path, db);
      file.current(); // a file whose last revision cannot be read is damaged
      return file;
    } catch (error) {
      db.close();
      if (error instanceof DomainError) throw error;
      throw new DomainError('improvement-corrupt', `${path}: ${(error as Error).message}`);
    }
  }

  /** The id written when the file was made (the file name must agree with it). */
  id(): string {
    const row = this.statements.meta.get('id') as { value: string } | undefined;
    if (!row) throw new DomainError('improvement-corrupt', `${this.path}: the improvement's id is missing`);
    return row.value;
  }

  /** The last revision, validated: a file holding an invalid improvement is reported as damaged. */
  current(): Improvement {
    const row = this.statements.last.get() as { rev: number; json: string } | undefined;
    if (!row) throw new DomainError('improvement-corrupt', `${this.path}: no revision`);
    return this.parse(row.rev, row.json);
  }

  /** One saved revision (for history and restore). */
  revision(rev: number): Improvement {
    const row = this.statements.byRev.get(rev) as { rev: number; json: string } | undefined;
    if (!row) throw new DomainError('not-found', `${this.path}: no revision ${rev}`);
    return this.parse(row.rev, row.json);
  }

  /** Every revision's number and time, newest first. */
  revisions(): RevisionRow[] {
    return (this.statements.all.all() as { rev: number; saved_at: number }[]).map((r) => ({ revision: r.rev, savedAt: r.saved_at }));
  }

  /** Appends a revision. Its number must be above every stored one: history is never rewritten. */
  append(improvement: Improvement, savedAt: number): void {
    this.guard(() =>
      this.db.transaction(() => {
        const last = this.statements.last.get() as { rev: number } | undefined;
        if (last && improvement.revision <= last.rev) {
          throw new DomainError('revision-conflict', `${this.path}: revision ${improvement.revision} is not after ${last.rev}`);
        }
        this.statements.insertRevision.run(improvement.revision, savedAt, JSON.stringify(improvement));
      })(),
    );
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a copied file is complete on its own.
    try {
      if (!this.db.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  private parse(rev: number, json: string): Improvement {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw new DomainError('improvement-corrupt', `${this.path}: revision ${rev} is not JSON`);
    }
    const parsed = ImprovementSchema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new DomainError('improvement-corrupt', `${this.path}: revision ${rev} is not a valid improvement (${first?.path.join('.') ?? ''}: ${first?.message ?? ''})`);
    }
    return parsed.data;
  }

  /** Turns SQLite failures (disk full, read-only file, I/O error) into typed domain errors. */
  private guard<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('storage-failed', `${this.path}: ${(error as Error).message}`);
    }
  }
}

function migrate(db: Db): void {
  runMigrations(db, MIGRATIONS);
}

function openDatabase(path: string, options: { mustExist: boolean; readonly?: boolean }): Db {
  return openSqliteFile(path, { ...options, cannotOpen: options.mustExist ? 'improvement-not-found' : 'storage-failed', corrupt: 'improvement-corrupt' });
}

function prepare(db: Db) {
  return {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    upsertMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    insertRevision: db.prepare('INSERT INTO revisions (rev, saved_at, json) VALUES (?, ?, ?)'),
    last: db.prepare('SELECT rev, json FROM revisions ORDER BY rev DESC LIMIT 1'),
    byRev: db.prepare('SELECT rev, json FROM revisions WHERE rev = ?'),
    all: db.prepare('SELECT rev, saved_at FROM revisions ORDER BY rev DESC'),
  };
}
