import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import { DOC_NAMES } from '../../core/workshop/doc-names';
import type { SessionSummary } from '../../contracts/http';
import { randomId, randomToken } from '../auth/tokens';
import { APPLICATION_ID, SCHEMA_VERSION, migrate } from '../persistence/migrations';
import { isSessionId } from '../persistence/session-directory';
import { SqliteSessionStore } from '../persistence/sqlite-session-store';
import type { SessionManager } from '../sessions/session-manager';

/**
 * Archives (issue #6): a whole session as its SQLite file, to hand to a colleague or to keep, and
 * the import of such a file as a session of this host.
 *
 * Export takes a consistent copy with SQLite's VACUUM INTO (as the backups do) while the session
 * stays open, then removes the join code and secret from the copy: an archive must not let anyone
 * join a session that is open to the room right now.
 *
 * Import never touches an existing session until the file has passed every check, on a copy in
 * `<data>/tmp`: a SQLite file at all, Samskapa's application id, `PRAGMA integrity_check`, a schema
 * version this app reads, migrations (run on the copy), the session's facts, and every stored Yjs
 * update decoding. Only then is the copy moved into the sessions folder under a new id when its own
 * is taken here. A refused file leaves nothing behind.
 */
export const ARCHIVE_MAX_BYTES = 512 * 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Copies older than this in `<data>/tmp` are left from a host that stopped mid-way: removed on the next use. */
const STALE_MS = 60 * 60 * 1000;

function tmpDir(manager: SessionManager): string {
  const dir = join(manager.directory.dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (!/^(archive|import)-/.test(name)) continue;
    try {
      if (Date.now() - statSync(join(dir, name)).mtimeMs > STALE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Gone already, or in use by another request: leave it.
    }
  }
  return dir;
}

function removeFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Writes an archive copy of a session and returns its bytes; the copy on disk is removed. */
export function exportArchive(manager: SessionManager, sessionId: string): Uint8Array {
  const session = manager.open(sessionId);
  const path = join(tmpDir(manager), `archive-${randomToken(9)}.samskapa`);
  try {
    session.store.vacuumInto(path);
    const db = new Database(path);
    try {
      db.exec('DELETE FROM share');
      // VACUUM again so the removed row's bytes are not left in a free page of the file.
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    return new Uint8Array(readFileSync(path));
  } finally {
    removeFile(path);
  }
}

function refuse(detail: string, problem: string): never {
  throw new DomainError('invalid-archive', detail, [problem]);
}

/** Checks an uploaded archive on a copy and, when it passes, adds it as a session. */
export function importArchive(manager: SessionManager, bytes: Uint8Array): SessionSummary {
  if (bytes.length < 512 || !Buffer.from(bytes.subarray(0, SQLITE_HEADER.length)).equals(SQLITE_HEADER)) {
    refuse('not sqlite', '(file): not a SQLite database (a Samskapa archive is the .samskapa file of a session)');
  }
  const path = join(tmpDir(manager), `import-${randomToken(9)}.samskapa`);
  writeFileSync(path, bytes, { flag: 'wx' });
  try {
    const id = checkAndPrepare(manager, path);
    const target = manager.directory.pathFor(id);
    if (existsSync(target)) refuse('id taken', 'id: taken while importing');
    renameSync(path, target);
    manager.open(id);
    return manager.summary(id);
  } finally {
    removeFile(path);
  }
}

/** Every check of the import on the copy at `path`; returns the id the session will have here. */
function checkAndPrepare(manager: SessionManager, path: string): string {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
    refuse(`open: ${(error as Error).message}`, '(file): the file cannot be opened as a database');
  }
  let id: string;
  try {
    let appId: number;
    let version: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      refuse(`header: ${(error as Error).message}`, '(file): the file is damaged');
    }
    if (appId !== APPLICATION_ID) refuse('foreign', '(file): a SQLite file of another application, not a Samskapa session');
    if (version > SCHEMA_VERSION) throw new DomainError('session-too-new', `schema ${version} > ${SCHEMA_VERSION}`, [`version: the file is of schema ${version}, newer than this app reads (${SCHEMA_VERSION})`]);
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      refuse(`integrity: ${(error as Error).message}`, '(file): the file is damaged or cut short');
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') refuse(`integrity: ${integrity.slice(0, 3).join('; ')}`, '(file): the file is damaged (integrity check failed)');
    try {
      migrate(db);
      const row = db.prepare("SELECT value FROM meta WHERE key = 'id'").get() as { value: string } | undefined;
      const own = row?.value ?? '';
      id = isSessionId(own) && !manager.directory.exists(own) ? own : randomId();
      db.prepare("INSERT INTO meta (key, value) VALUES ('id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(id);
      // The archive's join code belonged to the host it came from.
      db.exec('DELETE FROM share');
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      if (error instanceof DomainError) throw error;
      refuse(`prepare: ${(error as Error).message}`, '(file): the session tables are missing or damaged');
    }
  } finally {
    db.close();
  }
  // The session store's own reading: the facts, and every document's updates decode.
  let store: SqliteSessionStore;
  try {
    store = SqliteSessionStore.open(path, { readonly: true });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'session-too-new') throw error;
    refuse(`store: ${(error as Error).message}`, '(file): the session facts are missing');
  }
  try {
    for (const name of DOC_NAMES) {
      const doc = new Y.Doc();
      try {
        for (const update of store.loadDoc(name).updates) Y.applyUpdate(doc, update);
      } catch (error) {
        refuse(`${name}: ${(error as Error).message}`, `${name}: a stored change cannot be read`);
      } finally {
        doc.destroy();
      }
    }
  } finally {
    store.close();
  }
  return id;
}
