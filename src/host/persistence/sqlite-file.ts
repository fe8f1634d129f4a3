import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { DomainError, type ErrorCode } from '../../core/errors';

/**
 * What every Samskapa SQLite file shares, whatever it holds (a session, an improvement): how it is
 * opened (WAL; `synchronous` as the kind needs it, see `OpenOptions.synchronous`) and how its schema
 * is migrated (`user_version`, one transaction per step). Each kind keeps its own migrations,
 * `application_id` and error codes.
 */
export interface Migration {
  readonly version: number;
  readonly up: (db: Db) => void;
}

/** The schema version a list of migrations brings a file to. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations[migrations.length - 1]?.version ?? 0;
}

/**
 * Brings a file from its version up to the last migration. The caller has checked it is not newer.
 * Each step runs in the same transaction as its version bump, so a crash leaves the old or the new version.
 */
export function runMigrations(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export interface OpenOptions {
  readonly mustExist: boolean;
  readonly readonly?: boolean;
  /** The error when the file cannot be opened at all (missing, no permission). */
  readonly cannotOpen: ErrorCode;
  /** The error when it opens but is not a database. */
  readonly corrupt: ErrorCode;
  /**
   * `FULL` (the default): SQLite fsyncs the WAL in every commit, so a commit is on disk before the
   * caller goes on, at the price of the fsync running on the event loop (improvement files: rare saves).
   * `NORMAL`: a commit only writes into the WAL and the owner makes it durable itself by fsyncing the
   * `-wal` file (session files: `WalDurability`, with one fdatasync per batch). Either way a commit is
   * atomic and a killed process loses nothing committed; SQLite still syncs around each checkpoint.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/** Opens (or creates) the file, sets durability, and fails now if it is not a database. */
export function openSqliteFile(path: string, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: options.mustExist, readonly: options.readonly ?? false });
  } catch (error) {
    throw new DomainError(options.cannotOpen, `${path}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Reading the schema here makes "file is not a database" fail now, not on first use.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw new DomainError(options.corrupt, `${path}: ${(error as Error).message}`);
  }
}
