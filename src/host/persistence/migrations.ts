import type { Database } from 'better-sqlite3';
import { latestVersion, runMigrations, type Migration } from './sqlite-file';

/**
 * Schema of a session file. `PRAGMA user_version` holds the version; `application_id` marks the
 * file as Samskapa's so a foreign SQLite file is refused instead of being written into.
 *
 * Rules: a migration is never edited once shipped; add a new one. Each runs in the same
 * transaction as its version bump, so a crash leaves the file at the old or the new version.
 */
export const APPLICATION_ID = 0x53616d73; // "Sams"

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- The Yjs update log: every accepted update, in arrival order, until compacted.
        CREATE TABLE updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc TEXT NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX updates_by_doc ON updates (doc, id);
        -- One compacted state per document; replaces every update with id <= upto.
        CREATE TABLE snapshots (
          doc TEXT PRIMARY KEY,
          data BLOB NOT NULL,
          upto INTEGER NOT NULL,
          created_at INTEGER NOT NULL
        );
        -- Participant tokens are stored hashed: the file alone does not let anyone connect.
        CREATE TABLE participants (
          id TEXT PRIMARY KEY,
          token_hash TEXT NOT NULL UNIQUE,
          name TEXT,
          role TEXT NOT NULL,
          anonymous INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          revoked_at INTEGER
        );
        -- Present while the session is open to the room (one row at most).
        CREATE TABLE share (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          join_code TEXT NOT NULL,
          join_secret TEXT NOT NULL,
          address TEXT NOT NULL,
          expires_at INTEGER NOT NULL,
          created_at INTEGER NOT NULL
        );
      `),
  },
  {
    version: 2,
    // Which principal (participant id, 'facilitator' or 'host') writes as each Yjs client id, so a
    // client cannot claim another's id or delete another's items, also after a host restart.
    up: (db) =>
      db.exec(`
        CREATE TABLE client_owners (
          doc TEXT NOT NULL,
          client_id INTEGER NOT NULL,
          owner TEXT NOT NULL,
          PRIMARY KEY (doc, client_id)
        );
      `),
  },
  {
    version: 3,
    // Client ids of a document's earlier lineage (core/workshop/fresh-lineage.ts) with the clock
    // each had reached: a device copy that holds any of them is of a document that no longer exists,
    // and is refused (4409); the clocks tell the device which of its edits never reached the host.
    up: (db) =>
      db.exec(`
        CREATE TABLE retired_clients (
          doc TEXT NOT NULL,
          client_id INTEGER NOT NULL,
          clock INTEGER NOT NULL,
          PRIMARY KEY (doc, client_id)
        );
      `),
  },
];

export const SCHEMA_VERSION = latestVersion(MIGRATIONS);

/** Brings a file from its version up to SCHEMA_VERSION. The caller has checked it is not newer. */
export function migrate(db: Database): void {
  runMigrations(db, MIGRATIONS);
}
