import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { BackupSummary } from '../../contracts/http';
import { SqliteSessionStore } from './sqlite-session-store';
import type { SessionStore } from './session-store';

/** Backups kept per session; older ones are removed when a new one is made. */
export const BACKUPS_KEPT = 20;
export const BACKUP_REASONS = ['step', 'close', 'stop', 'before-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const NAME_PATTERN = /^(\d{8}T\d{9})(?:\.\d+)?-([a-z-]+)\.samskapa$/;

/**
 * Automatic copies of each session file (`<data>/backups/<sessionId>/<time>-<reason>.samskapa`),
 * made with SQLite's `VACUUM INTO`: a consistent, compact copy taken while the session is open.
 */
export class SessionBackups {
  constructor(private readonly dataDir: string) {}

  private dirOf(sessionId: string): string {
    return join(this.dataDir, 'backups', sessionId);
  }

  /** Writes a copy of an open session; removes the oldest beyond BACKUPS_KEPT. */
  make(sessionId: string, store: SessionStore, reason: BackupReason, now = new Date()): BackupSummary {
    const dir = this.dirOf(sessionId);
    mkdirSync(dir, { recursive: true });
    const stamp = now.toISOString().replace(/[-:.Z]/g, '');
    let name = `${stamp}-${reason}.samskapa`;
    for (let n = 1; existsSync(join(dir, name)); n++) name = `${stamp}.${n}-${reason}.samskapa`;
    store.vacuumInto(join(dir, name));
    for (const old of this.list(sessionId).slice(BACKUPS_KEPT)) rmSync(join(dir, old.name), { force: true });
    return this.describe(sessionId, name);
  }

  /** Newest first. */
  list(sessionId: string): BackupSummary[] {
    const dir = this.dirOf(sessionId);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => NAME_PATTERN.test(name))
      .sort()
      .reverse()
      .map((name) => this.describe(sessionId, name));
  }

  /** Checks a backup opens as this session's file and copies it over `target` (the caller has closed it). */
  restoreInto(sessionId: string, name: string, target: string): void {
    const source = this.pathOf(sessionId, name);
    const probe = SqliteSessionStore.open(source, { readonly: true });
    try {
      if (probe.meta().id !== sessionId) throw new DomainError('session-corrupt', `${source} belongs to another session`);
    } finally {
      probe.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(source, target);
  }

  removeAll(sessionId: string): void {
    rmSync(this.dirOf(sessionId), { recursive: true, force: true });
  }

  private pathOf(sessionId: string, name: string): string {
    if (!NAME_PATTERN.test(name)) throw new DomainError('not-found', `no backup ${name}`);
    const path = join(this.dirOf(sessionId), name);
    if (!existsSync(path)) throw new DomainError('not-found', `no backup ${name}`);
    return path;
  }

  private describe(sessionId: string, name: string): BackupSummary {
    const match = NAME_PATTERN.exec(name);
    const stamp = match?.[1] ?? '';
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
    return {
      name,
      createdAt: Date.parse(iso),
      reason: (match?.[2] ?? 'manual') as BackupReason,
      bytes: statSync(join(this.dirOf(sessionId), name)).size,
    };
  }
}
