import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { Improvement } from '../../core/improvement/model';
import { SqliteImprovementFile } from './sqlite-improvement-file';

export const IMPROVEMENT_FILE_SUFFIX = '.samskapa-improvement';
const IMPROVEMENT_ID_PATTERN = /^[a-z0-9]{16}$/;

export type ImprovementFileStatus = 'ok' | 'corrupt' | 'too-new';

export interface ImprovementListing {
  readonly id: string;
  readonly path: string;
  readonly status: ImprovementFileStatus;
  /** The current revision, for a file that opens. */
  readonly improvement: Improvement | null;
  /** For a file that cannot be opened: why, naming the file (for the log and the UI). */
  readonly problem?: string;
}

/** Ids of improvements made by this host (random, like session ids); an imported file's id may not fit. */
export function isImprovementId(value: string): boolean {
  return IMPROVEMENT_ID_PATTERN.test(value);
}

/**
 * The folder `<data>/improvements/`, one SQLite file per improvement, beside `<data>/sessions/`.
 * As for sessions there is no separate index: the folder is the index, so it never disagrees
 * with the files, and a damaged file is listed with what is wrong instead of hiding the rest.
 */
export class ImprovementDirectory {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'improvements');
    try {
      mkdirSync(this.dir, { recursive: true });
      accessSync(this.dir, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new DomainError('storage-failed', `${this.dir}: ${(error as Error).message}`);
    }
  }

  pathFor(id: string): string {
    if (!isImprovementId(id)) throw new DomainError('improvement-not-found', `no improvement ${id}`);
    return join(this.dir, `${id}${IMPROVEMENT_FILE_SUFFIX}`);
  }

  exists(id: string): boolean {
    return isImprovementId(id) && existsSync(this.pathFor(id));
  }

  ids(): string[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith(IMPROVEMENT_FILE_SUFFIX))
      .map((name) => name.slice(0, -IMPROVEMENT_FILE_SUFFIX.length))
      .filter(isImprovementId);
  }

  /** Reads one file's current revision without keeping it open; a bad file is reported, never thrown. */
  inspect(id: string): ImprovementListing {
    const path = this.pathFor(id);
    try {
      const file = SqliteImprovementFile.open(path, { readonly: true });
      try {
        return { id, path, status: 'ok', improvement: checkedCurrent(file, id) };
      } finally {
        file.close();
      }
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'improvement-corrupt';
      return { id, path, status: code === 'improvement-too-new' ? 'too-new' : 'corrupt', improvement: null, problem: (error as Error).message };
    }
  }

  create(improvement: Improvement, savedAt: number): SqliteImprovementFile {
    return SqliteImprovementFile.create(this.pathFor(improvement.id), improvement, savedAt);
  }

  open(id: string): SqliteImprovementFile {
    const path = this.pathFor(id);
    if (!existsSync(path)) throw new DomainError('improvement-not-found', `no improvement ${id}`);
    const file = SqliteImprovementFile.open(path);
    try {
      checkedCurrent(file, id);
    } catch (error) {
      file.close();
      throw error;
    }
    return file;
  }

  /** Removes the file and its WAL companions. The caller has closed it. */
  remove(id: string): void {
    const path = this.pathFor(id);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

/** The file's improvement, refusing a file that holds another improvement than its name says. */
function checkedCurrent(file: SqliteImprovementFile, id: string): Improvement {
  const improvement = file.current();
  if (file.id() !== id || improvement.id !== id) throw new DomainError('improvement-corrupt', `${file.path}: the file holds another improvement`);
  return improvement;
}
