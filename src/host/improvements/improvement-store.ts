import { DomainError } from '../../core/errors';
import { IMPROVEMENT_FORMAT, ImprovementSchema } from '../../core/improvement/model';
import type { Improvement } from '../../core/improvement/model';
import type { ImprovementSummary } from '../../contracts/improvements';
import type { ImprovementDirectory, ImprovementListing } from './improvement-directory';
import { parseOrReject } from './improvement-problems';
import type { RevisionRow, SqliteImprovementFile } from './sqlite-improvement-file';

/**
 * The improvements this host knows: the files in `<data>/improvements/`, and the ones open now.
 * A file is opened on first use and stays open until the host stops or the improvement is deleted.
 *
 * What must hold: a revision is only ever appended, never rewritten, and its number is one more
 * than the last; a save names the revision it started from and is refused (`revision-conflict`)
 * when someone saved in between, so two facilitators' edits never silently overwrite each other.
 * The host's own changes (a change idea from a note, data points, a session link) are made on the
 * current revision, so they never conflict.
 */
export class ImprovementStore {
  private readonly files = new Map<string, SqliteImprovementFile>();

  constructor(
    readonly directory: ImprovementDirectory,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Every improvement file, newest change first; damaged or too-new files are listed, never hidden. */
  list(): ImprovementSummary[] {
    return this.listings()
      .map(toSummary)
      .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  }

  /** Each file with its current improvement or what is wrong with it. */
  listings(): ImprovementListing[] {
    return this.directory.ids().map((id) => {
      const file = this.files.get(id);
      if (file) return { id, path: file.path, status: 'ok', improvement: file.current() };
      return this.directory.inspect(id);
    });
  }

  summary(id: string): ImprovementSummary {
    const file = this.file(id);
    return toSummary({ id, path: file.path, status: 'ok', improvement: file.current() });
  }

  get(id: string): Improvement {
    return this.file(id).current();
  }

  /**
   * The improvements a session worked on (its `sessions` list names it), oldest first. For the
   * session report's PDSA section (exports). Damaged files are left out here and logged; the
   * list of improvements shows them.
   */
  listForSession(sessionId: string): Improvement[] {
    const found: Improvement[] = [];
    for (const listing of this.listings()) {
      if (listing.status !== 'ok' || !listing.improvement) {
        this.log(`improvement file left out of session ${sessionId}: ${listing.problem ?? listing.path}`);
        continue;
      }
      if (listing.improvement.sessions.some((s) => s.sessionId === sessionId)) found.push(listing.improvement);
    }
    return found.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** Writes a new improvement file; its id must be free. */
  create(improvement: Improvement, now: number = Date.now()): Improvement {
    const valid = parseOrReject(ImprovementSchema, improvement);
    if (this.directory.exists(valid.id)) throw new DomainError('bad-request', `improvement ${valid.id} exists`);
    this.files.set(valid.id, this.directory.create(valid, now));
    return valid;
  }

  /**
   * Saves an edited improvement as the next revision. `baseRevision` is the revision the edit
   * started from; if another save came first, nothing is written and `revision-conflict` is thrown.
   * Fields that are the host's to keep (id, format, createdAt, revision, updatedAt) are set here.
   */
  save(id: string, baseRevision: number, edited: Improvement, now: number = Date.now()): Improvement {
    const current = this.get(id);
    if (baseRevision !== current.revision) {
      throw new DomainError('revision-conflict', `improvement ${id}: saved from revision ${baseRevision}, current is ${current.revision}`);
    }
    return this.append(id, current, edited, now);
  }

  /** Changes the current revision with `change` and appends the result (the host's own edits). */
  update(id: string, change: (current: Improvement) => Improvement, now: number = Date.now()): Improvement {
    const current = this.get(id);
    return this.append(id, current, change(current), now);
  }

  revisions(id: string): RevisionRow[] {
    return this.file(id).revisions();
  }

  revision(id: string, revision: number): Improvement {
    return this.file(id).revision(revision);
  }

  /** Brings back an earlier revision's content as a new revision (the ones after it stay kept). */
  restore(id: string, revision: number, baseRevision: number, now: number = Date.now()): Improvement {
    const old = this.revision(id, revision);
    return this.save(id, baseRevision, old, now);
  }

  /** Removes the improvement's file and its whole history. */
  delete(id: string): void {
    if (!this.directory.exists(id)) throw new DomainError('improvement-not-found', `no improvement ${id}`);
    this.files.get(id)?.close();
    this.files.delete(id);
    this.directory.remove(id);
  }

  /** Closes every open file (folding each WAL into its file); used on shutdown. */
  closeAll(): void {
    for (const [id, file] of this.files) {
      try {
        file.close();
      } catch (error) {
        this.log(`improvement ${id}: close failed: ${(error as Error).message}`);
      }
    }
    this.files.clear();
  }

  private append(id: string, current: Improvement, edited: Improvement, now: number): Improvement {
    const next = parseOrReject(ImprovementSchema, {
      ...edited,
      format: IMPROVEMENT_FORMAT,
      id,
      createdAt: current.createdAt,
      revision: current.revision + 1,
      updatedAt: Math.max(now, current.updatedAt),
    });
    this.file(id).append(next, now);
    return next;
  }

  private file(id: string): SqliteImprovementFile {
    const open = this.files.get(id);
    if (open) return open;
    const file = this.directory.open(id);
    this.files.set(id, file);
    return file;
  }
}

function toSummary(listing: ImprovementListing): ImprovementSummary {
  const i = listing.improvement;
  return {
    id: listing.id,
    title: i?.title ?? '',
    createdAt: i?.createdAt ?? 0,
    updatedAt: i?.updatedAt ?? 0,
    revision: i?.revision ?? 0,
    changeIdeas: i?.changeIdeas.length ?? 0,
    cycles: i?.cycles.length ?? 0,
    measures: i?.measures.length ?? 0,
    sessions: i?.sessions ?? [],
    status: listing.status,
    file: listing.path,
    ...(listing.problem ? { problem: listing.problem } : {}),
  };
}
