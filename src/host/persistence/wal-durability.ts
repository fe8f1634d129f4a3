import { closeSync, existsSync, fdatasyncSync, openSync, statSync } from 'node:fs';
import { DomainError } from '../../core/errors';

/** Flushes a file's data to the disk (`fs.fdatasync`'s shape); tests wrap the real one, e.g. with a delay. */
export type SyncFile = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * The default: `fdatasync` on the event loop, calling back before it returns, so a batch is relayed
 * in the same turn it was committed. Measured in the benchmark's live room (docs/performance.md,
 * "Third session: the fsync off the event loop", the follow-up): on a machine whose cores are busy,
 * the threadpool's two hand-overs (to a worker and back to the event loop) each wait for a core and
 * cost more than the ~0.3 ms the fdatasync itself blocks the loop. `fs.fdatasync` (in the
 * threadpool) works as well: every waiter and group-commit path below serves both.
 */
export const fdatasyncInline: SyncFile = (fd, callback) => {
  let failure: NodeJS.ErrnoException | null = null;
  try {
    fdatasyncSync(fd);
  } catch (error) {
    failure = error as NodeJS.ErrnoException;
  }
  callback(failure);
};

interface Waiter {
  /** The commit count this waiter needs on disk. */
  readonly upTo: number;
  readonly done: () => void;
  readonly failed: (error: DomainError) => void;
}

/**
 * Durability for a session file opened with WAL and `synchronous = NORMAL` (a commit is a write()
 * into the `-wal` file, atomic and safe from a killed process, but not yet on disk): the host
 * fdatasyncs the WAL itself before anything of a commit leaves it.
 *
 * Every committed write transaction is counted. `whenDurable` calls back once everything committed
 * before it was asked is on disk: at once when it already is, else after an `fdatasync` of the WAL.
 * With the default `fdatasyncInline` that happens before `whenDurable` returns. With an asynchronous
 * sync (`fs.fdatasync` in libuv's threadpool; tests wrap it to slow it down) the event loop keeps
 * reading, checking, applying and committing the next batches meanwhile: at most one fdatasync is in
 * flight; when it ends, every commit made before it started is durable and the waiters it covers
 * run, in the order they asked, and commits made while it ran are covered by one more.
 *
 * The WAL's frames are the commits: once they are fsynced, a power loss keeps them (recovery replays
 * the WAL), which is what `synchronous = FULL` would have given, minus the wait on the event loop.
 *
 * If an fdatasync fails, the waiting and every later caller hear `storage-failed`: after a failed
 * fsync the kernel may have dropped the pages, and a later fsync succeeding proves nothing of them.
 */
export class WalDurability {
  private commits = 0;
  private durable = 0;
  /** The commit count the running fdatasync covers, or null when none runs. */
  private inFlight: number | null = null;
  private readonly waiters: Waiter[] = [];
  private fd: number | null = null;
  private failure: DomainError | null = null;
  private closed = false;

  constructor(
    /** The `-wal` companion of the session file. */
    readonly walPath: string,
    private readonly sync: SyncFile = fdatasyncInline,
  ) {}

  /** A write transaction committed (into the WAL; on disk once a later fdatasync ends). */
  committed(): void {
    this.commits += 1;
  }

  /** Whether some commit is not known to be on disk yet. */
  get pending(): boolean {
    return this.durable < this.commits;
  }

  /**
   * Calls `done` once every commit so far is on disk: synchronously when it already is, else from
   * the fdatasync's callback, in the order asked. `failed` instead if the fdatasync fails.
   */
  whenDurable(done: () => void, failed: (error: DomainError) => void): void {
    if (this.failure) return failed(this.failure);
    if (!this.pending) return done();
    this.waiters.push({ upTo: this.commits, done, failed });
    this.startSync();
  }

  /**
   * Makes every commit so far durable before returning (a blocking fdatasync, as `synchronous = FULL`
   * did): for the few writes outside the write path whose callers rely on them being on disk when the
   * call returns (a participant's token, a revocation, the share). Throws `storage-failed`.
   */
  syncNow(): void {
    if (this.failure) throw this.failure;
    if (!this.pending) return;
    const upTo = this.commits;
    try {
      fdatasyncSync(this.walFd());
    } catch (error) {
      throw this.fail(error);
    }
    this.durable = Math.max(this.durable, upTo);
  }

  /**
   * Makes a WAL the file already had durable: a host killed between a commit and its fdatasync
   * leaves frames in the page cache that the next host would read and serve. Called once on open.
   */
  syncLeftOver(): void {
    if (existsSync(this.walPath) && statSync(this.walPath).size > 0) {
      this.commits += 1;
      this.syncNow();
    }
  }

  /**
   * Before the file closes: makes what is pending durable (one blocking fdatasync, only if needed),
   * then runs the waiters, in order. Never waits for the fdatasync in flight: its file descriptor is
   * closed by its own callback, so a descriptor number the process reuses is never synced by mistake.
   */
  close(): void {
    if (this.closed) return;
    let failure: DomainError | null = null;
    try {
      this.syncNow();
    } catch (error) {
      failure = error as DomainError;
    }
    this.closed = true;
    if (this.inFlight === null) this.closeFd();
    const waiters = this.waiters.splice(0);
    for (const waiter of waiters) {
      if (failure) waiter.failed(failure);
      else waiter.done();
    }
  }

  private startSync(): void {
    if (this.inFlight !== null || this.closed || this.failure || !this.pending) return;
    let fd: number;
    try {
      fd = this.walFd();
    } catch (error) {
      this.fail(error);
      return;
    }
    const upTo = this.commits;
    this.inFlight = upTo;
    this.sync(fd, (error) => {
      this.inFlight = null;
      if (this.closed) this.closeFd();
      if (error) {
        this.fail(error);
        return;
      }
      this.durable = Math.max(this.durable, upTo);
      while (this.waiters.length > 0 && this.waiters[0]!.upTo <= this.durable) this.waiters.shift()!.done();
      // Commits made while it ran: one more fdatasync covers them all.
      if (this.waiters.length > 0) this.startSync();
    });
  }

  /** The WAL's descriptor, opened on first use (the file exists once WAL mode has written to it). */
  private walFd(): number {
    // Read-write: Windows flushes only a handle opened for writing (Linux and macOS accept either).
    this.fd ??= openSync(this.walPath, 'r+');
    return this.fd;
  }

  private closeFd(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // Nothing is lost: the file is SQLite's, and it has synced and closed it.
    }
  }

  /** Fails every waiter and every later caller: nothing committed since the last good sync is known on disk. */
  private fail(error: unknown): DomainError {
    this.failure ??=
      error instanceof DomainError ? error : new DomainError('storage-failed', `${this.walPath}: fdatasync failed: ${(error as Error).message}`);
    const failure = this.failure;
    for (const waiter of this.waiters.splice(0)) waiter.failed(failure);
    return failure;
  }
}
