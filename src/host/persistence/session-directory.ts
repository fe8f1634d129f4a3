import { existsSync, mkdirSync, readdirSync, rmSync, accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { SessionStatus } from '../../contracts/http';
import { SqliteSessionStore, type StoreOptions } from './sqlite-session-store';
import type { SessionMeta, ShareRecord } from './session-store';

export const SESSION_FILE_SUFFIX = '.samskapa';
const SESSION_ID_PATTERN = /^[a-z0-9]{16}$/;

export interface SessionListing {
  readonly id: string;
  readonly path: string;
  readonly status: SessionStatus;
  readonly meta: SessionMeta | null;
  readonly share: ShareRecord | null;
  /** For a session that cannot be opened: why, naming the file (for the log and the UI). */
  readonly problem?: string;
}

export function isSessionId(value: string): boolean {
  return SESSION_ID_PATTERN.test(value);
}

/**
 * The data folder: `<data>/sessions/<id>.samskapa`, one SQLite file per session. There is no
 * separate index: the folder is the index, so it can never disagree with the files.
 */
export class SessionDirectory {
  readonly sessionsDir: string;

  /** `storeOptions` reach every session file opened for writing (tests wrap the WAL's fdatasync). */
  constructor(
    readonly dataDir: string,
    private readonly storeOptions: StoreOptions = {},
  ) {
    this.sessionsDir = join(dataDir, 'sessions');
    try {
      mkdirSync(this.sessionsDir, { recursive: true });
      accessSync(this.sessionsDir, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new DomainError('session-unavailable', `${this.sessionsDir}: ${(error as Error).message}`);
    }
  }

  pathFor(id: string): string {
    if (!isSessionId(id)) throw new DomainError('not-found', `no session ${id}`);
    return join(this.sessionsDir, `${id}${SESSION_FILE_SUFFIX}`);
  }

  exists(id: string): boolean {
    return isSessionId(id) && existsSync(this.pathFor(id));
  }

  ids(): string[] {
    return readdirSync(this.sessionsDir)
      .filter((name) => name.endsWith(SESSION_FILE_SUFFIX))
      .map((name) => name.slice(0, -SESSION_FILE_SUFFIX.length))
      .filter(isSessionId);
  }

  /** Reads one file's facts without keeping it open; a bad file is reported, never thrown. */
  inspect(id: string): SessionListing {
    const path = this.pathFor(id);
    try {
      const store = SqliteSessionStore.open(path, { readonly: true });
      try {
        const readOnly = writeProblem(path);
        if (readOnly) return { id, path, status: 'read-only', meta: store.meta(), share: store.share(), problem: readOnly };
        return { id, path, status: 'ok', meta: store.meta(), share: store.share() };
      } finally {
        store.close();
      }
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'session-corrupt';
      return {
        id,
        path,
        status: code === 'session-too-new' ? 'too-new' : 'corrupt',
        meta: null,
        share: null,
        problem: (error as Error).message,
      };
    }
  }

  create(id: string, title: string, createdAt: number): SqliteSessionStore {
    return SqliteSessionStore.create(this.pathFor(id), { id, title, createdAt }, this.storeOptions);
  }

  open(id: string): SqliteSessionStore {
    const path = this.pathFor(id);
    if (!existsSync(path)) throw new DomainError('not-found', `no session ${id}`);
    const readOnly = writeProblem(path);
    if (readOnly) throw new DomainError('session-read-only', readOnly, [readOnly]);
    const store = SqliteSessionStore.open(path, this.storeOptions);
    if (store.meta().id !== id) {
      store.close();
      throw new DomainError('session-corrupt', `${path}: file holds another session`);
    }
    return store;
  }

  /** Removes the session file and its WAL companions. The caller has closed the store. */
  remove(id: string): void {
    const path = this.pathFor(id);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

/**
 * Why the host could not write a session, or null. Checked before a session is opened for the
 * room, because SQLite opens a write-protected file read-only without a word and fails only at
 * the first write — after the room had already been told its words were in. The folder counts
 * too: the WAL companions and the backups are written next to the file. `access(2)` answers for
 * the operating system's own rules, including an immutable file that not even root may change.
 */
export function writeProblem(path: string): string | null {
  const folder = dirname(path);
  for (const target of [path, `${path}-wal`, `${path}-shm`, folder]) {
    if (target !== folder && target !== path && !existsSync(target)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const what = target === folder ? 'the folder of' : target === path ? 'the file' : 'a companion file of';
      return `${path}: ${what} this session is read-only (${(error as NodeJS.ErrnoException).code ?? 'no write access'}); nothing was written`;
    }
  }
  return null;
}
