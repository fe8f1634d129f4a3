import type { DomainError } from '../../core/errors';
import type { DocName } from '../../core/workshop/doc-names';
import type { ParticipantRole } from '../../core/roles';

/**
 * The port the rest of the host uses for one session's storage.
 *
 * Invariants (the SQLite adapter must keep them; tests in tests/integration check them):
 * - Every write is atomic: all of it is in the file or none is.
 * - `transaction` (the write path) returns once committed, before it is durable (on disk, surviving
 *   power loss). What may be sent only once it is durable (relays, sync answers) waits for
 *   `whenDurable`. Every other write is durable when it returns, except `writeSnapshot` (durable
 *   with the next fsync: losing it loses nothing), and a write inside `transaction` joins it.
 * - `loadDoc` returns the snapshot first, then every later update in the order they were appended.
 *   Applying them in order to an empty Y.Doc gives the document as it was.
 * - `writeSnapshot(doc, state, upto)` replaces the snapshot and the updates with id <= upto in one
 *   transaction; the content after reloading is identical.
 * - Failures throw DomainError with a code; nothing is swallowed.
 */
export interface SessionMeta {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface StoredDoc {
  readonly updates: readonly Uint8Array[];
  /** Id of the last stored update (0 when only a snapshot or nothing is stored). */
  readonly lastId: number;
  /** Updates stored after the snapshot: a measure of how much compaction would save. */
  readonly pendingCount: number;
}

export interface ParticipantRecord {
  readonly id: string;
  readonly name: string | null;
  readonly role: ParticipantRole;
  readonly anonymous: boolean;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface StoredParticipant extends ParticipantRecord {
  readonly tokenHash: string;
}

export interface ShareRecord {
  readonly joinCode: string;
  readonly joinSecret: string;
  readonly address: string;
  readonly expiresAt: number;
  readonly createdAt: number;
}

export interface SessionStore {
  readonly path: string;
  meta(): SessionMeta;
  loadDoc(doc: DocName): StoredDoc;
  /**
   * Runs `work` in one transaction: everything it writes (updates, client-owner claims) commits
   * together or not at all. Nested writes join it. Returns what `work` returns. Committed, not yet
   * durable: see `whenDurable`.
   */
  transaction<T>(work: () => T): T;
  /**
   * Calls `done` once everything committed so far is durable: synchronously when it already is, else
   * later, in the order asked (one fsync covers every commit made before it started). `failed` if
   * the fsync fails: the commits since the last good one may be lost, so what waited is not sent.
   */
  whenDurable(done: () => void, failed: (error: DomainError) => void): void;
  /** Appends a batch in one transaction; returns the id of the last update written. */
  appendUpdates(batch: readonly { readonly doc: DocName; readonly data: Uint8Array }[]): number;
  writeSnapshot(doc: DocName, state: Uint8Array, upto: number): void;
  addParticipant(record: ParticipantRecord, tokenHash: string): void;
  findParticipant(tokenHash: string): ParticipantRecord | null;
  listParticipants(): ParticipantRecord[];
  /** Every participant row with its token hash, to carry over into a restored file. */
  exportParticipants(): readonly StoredParticipant[];
  /** Inserts or updates rows (by id), keeping a revocation once made. */
  importParticipants(rows: readonly StoredParticipant[]): void;
  /** Revokes a participant's token; returns false for an unknown id. */
  revokeParticipant(id: string, at: number): boolean;
  /** Owners of Yjs client ids per document (see rules/client-owners.ts). */
  clientOwners(doc: DocName): ReadonlyMap<number, string>;
  addClientOwners(doc: DocName, owners: readonly (readonly [number, string])[]): void;
  /** Client ids of the document's earlier lineages, each with its last clock (core/workshop/fresh-lineage.ts). */
  retiredClients(doc: DocName): ReadonlyMap<number, number>;
  retireClients(doc: DocName, clients: ReadonlyMap<number, number>): void;
  share(): ShareRecord | null;
  setShare(record: ShareRecord | null): void;
  /** A consistent copy of the whole file at `path`, taken while open. */
  vacuumInto(path: string): void;
  close(): void;
}
