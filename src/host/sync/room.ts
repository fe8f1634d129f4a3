import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../contracts/sync';
import type { PresenceUser } from '../../core/presence';
import type { SessionStore } from '../persistence/session-store';
import { HOST_ORIGIN } from '../../core/workshop/origins';
import type { DocName } from '../../core/workshop/doc-names';
import {
  decodeAwarenessUpdate,
  encodeAwareness,
  encodeAwarenessStates,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE_SYNC,
} from './protocol';

/** Origin of the stored updates applied when the document is built: never relayed, never stored again. */
export const LOAD_ORIGIN = 'load';

/** Presence client ids one connection may speak for (a tab has one; reconnects reuse it). */
export const MAX_PRESENCE_IDS = 4;

/** What the room waits on before sending its document's content: the session store's fsync. */
export type Durability = Pick<SessionStore, 'whenDurable'>;

/** For a room whose document is kept nowhere: nothing waits. */
const NOTHING_TO_WAIT_FOR: Durability = { whenDurable: (done) => done() };

/** Relays held back for one batch, taken out of the room at its commit and sent once it is durable. */
export type HeldRelays = readonly { readonly message: Uint8Array; readonly except: unknown }[];

/** The host's side of one open WebSocket, as a room sees it. */
export interface RoomConnection {
  /** Participants are disconnected when the session stops being shared; the facilitator is not. */
  readonly isParticipant: boolean;
  /** The participant behind it (null for the facilitator): removing a participant closes these. */
  readonly participantId: string | null;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * One live Yjs document with its awareness and its connections. What it sends of its document (the
 * relays of updates and the sync answers) is sent only once it is durable on disk, so a client never
 * holds an update that a crash or a power loss could take from the file. The write queue commits
 * each batch and hands its relays to the store's durability gate (`takeRelays`, `sendRelays`);
 * sync answers wait for the same gate (`durability`). Presence is never stored and never waits.
 *
 * **Built when first needed.** A room is handed what the file holds (`defer`) and applies it to
 * its document only when something needs the document: a write, a rule check, a client that
 * already holds part of it, the host's own changes, or right after the first answer below. Until
 * then a client that holds nothing (the usual first sync of a phone or a new window) is answered
 * with the stored bytes as they are, so the first sync of a long workshop costs a file read and a
 * send instead of decoding and re-encoding the whole document (docs/performance.md, scenario 4).
 */
export class Room {
  private readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** The stored snapshot and the log after it, in order, while they are not applied to `ydoc`. */
  private stored: readonly Uint8Array[] | null = null;
  private onUnreadable: (error: Error) => void = () => {};
  /** Connections that joined before the document was built: they get our state vector once it is. */
  private readonly owedStateVector = new Set<RoomConnection>();
  private buildSoon: NodeJS.Timeout | null = null;
  /**
   * The sync answer for a client that holds nothing (the whole document), kept until the next
   * change: a room of phones joining at once costs one encoding, not one each.
   */
  private wholeState: Uint8Array | null = null;
  private readonly connections = new Set<RoomConnection>();
  /** Which connection speaks for each awareness client id: a client cannot update another's presence. */
  private readonly awarenessOwners = new Map<number, RoomConnection>();
  /** While the write queue holds relays (between apply and commit): the messages to send after. */
  private held: { message: Uint8Array; except: unknown }[] | null = null;

  /**
   * `onHostChange` receives what the host itself writes (origin HOST_ORIGIN): it is stored first and
   * relayed with `relay` once on disk, like every other update. `durability` is the session store's
   * gate: sync answers and the host's relays wait for it (a snapshot written while opening, a batch
   * whose fsync has not ended).
   */
  constructor(
    readonly sessionId: string,
    readonly name: DocName,
    private readonly onHostChange: (update: Uint8Array) => void = () => {},
    private readonly durability: Durability = NOTHING_TO_WAIT_FOR,
  ) {
    // The host has no presence of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      this.wholeState = null;
      // What the file already holds is neither stored again nor sent: every client asked for it.
      if (origin === LOAD_ORIGIN) return;
      if (origin === HOST_ORIGIN) this.onHostChange(update);
      else if (this.held) this.held.push({ message: encodeUpdate(update), except: origin });
      else this.broadcast(encodeUpdate(update), origin);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The live document, built from what the file holds on first use. */
  get doc(): Y.Doc {
    if (this.stored) this.build();
    return this.ydoc;
  }

  /** Whether the stored updates are applied to the document yet. */
  get built(): boolean {
    return this.stored === null;
  }

  /**
   * Hands the room what its file holds (snapshot first, then the log, as `SessionStore.loadDoc`
   * returns them); they are applied when the document is first needed. `onUnreadable` hears of a
   * stored update that cannot be applied (never expected: updates are checked before storing).
   */
  defer(updates: readonly Uint8Array[], onUnreadable: (error: Error) => void): void {
    if (this.stored) this.build();
    this.stored = updates;
    this.onUnreadable = onUnreadable;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Starts the sync handshake with a new connection: our state vector, then everyone's presence. */
  join(connection: RoomConnection): void {
    this.connections.add(connection);
    // Without the document there is no state vector yet; it follows once the document is built.
    // The client does not wait for it: it syncs with its own step 1, answered below.
    if (this.stored) this.owedStateVector.add(connection);
    else connection.send(encodeSyncStep1(this.ydoc));
    const states = encodeAwarenessStates(this.awareness);
    if (states) connection.send(states);
  }

  leave(connection: RoomConnection): void {
    this.owedStateVector.delete(connection);
    if (!this.connections.delete(connection)) return;
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === connection).map(([id]) => id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
  }

  /**
   * Answers a client's sync step 1 with what it lacks. The answer is computed now and sent once
   * every commit so far is durable (at once when nothing is waiting for the disk): a client that
   * connects while a batch's fsync runs must not get an update before it is on disk.
   */
  answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): void {
    const empty = holdsNothing(stateVector);
    if (empty && this.stored) {
      // The client holds nothing: what the file holds, in the order it was written, is exactly the
      // document. The snapshot goes as the sync answer and the few log updates after it follow.
      const [first, ...rest] = this.stored;
      this.sendWhenDurable(connection, [encodeStoredSyncStep2(first ?? EMPTY_UPDATE), ...rest.map(encodeUpdate)]);
      // Build the document a few seconds later, once the first clients have applied what they got:
      // the facilitator's and the projector's windows run on the host's own laptop, and building
      // (hundreds of ms for a long workshop) would compete with them for the CPU. A write that comes
      // sooner builds it on the spot.
      if (!this.buildSoon) {
        this.buildSoon = setTimeout(() => {
          this.buildSoon = null;
          void this.doc;
        }, BUILD_AFTER_ANSWER_MS);
        this.buildSoon.unref();
      }
      return;
    }
    if (empty) {
      this.wholeState ??= encodeStoredSyncStep2(Y.encodeStateAsUpdate(this.doc));
      this.sendWhenDurable(connection, [this.wholeState]);
      return;
    }
    this.sendWhenDurable(connection, [encodeSyncStep2(this.doc, stateVector)]);
  }

  sendPresence(connection: RoomConnection): void {
    const states = encodeAwarenessStates(this.awareness);
    if (states) connection.send(states);
  }

  /** Holds back relays of what is applied from now on, until `takeRelays`. */
  holdRelays(): void {
    this.held ??= [];
  }

  /**
   * Takes out the relays held since `holdRelays`: they belong to the batch being committed, and the
   * next batch, committed while this one's fsync runs, holds its own. Sent with `sendRelays` once
   * the batch is durable, or dropped if it was not stored.
   */
  takeRelays(): HeldRelays {
    const held = this.held ?? [];
    this.held = null;
    return held;
  }

  /** Sends relays taken with `takeRelays` (the batch is durable now) to the connections there now. */
  sendRelays(relays: HeldRelays): void {
    for (const { message, except } of relays) this.broadcast(message, except);
  }

  /**
   * Sends an update the host wrote (already applied here) to every connection: with the batch it was
   * stored in when the write queue holds relays, else once every commit so far is durable.
   */
  relay(update: Uint8Array): void {
    const message = encodeUpdate(update);
    if (this.held) this.held.push({ message, except: null });
    else this.durability.whenDurable(() => this.broadcast(message, null), () => {});
  }

  /**
   * Applies a presence update, with `user` replaced by the connection's identity from its token and
   * entries for client ids that another connection speaks for dropped (no spoofing of presence).
   * Returns how many entries were this connection's own (the stock client echoes everyone's).
   */
  applyPresence(connection: RoomConnection, update: Uint8Array, user: PresenceUser): number {
    const owned = [...this.awarenessOwners.values()].filter((c) => c === connection).length;
    let fresh = 0;
    const entries = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner === undefined) return owned + fresh++ < MAX_PRESENCE_IDS;
      return owner === connection;
    });
    if (entries.length === 0) return 0;
    // Only `user` is kept, and it comes from the token: nothing else a client puts in its presence
    // is relayed, so a huge or hostile state cannot reach the others.
    const stamped = entries.map((entry) =>
      entry.state === null || typeof entry.state !== 'object' ? { ...entry, state: null } : { ...entry, state: { user } },
    );
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(stamped), connection);
    return entries.length;
  }

  closeAll(code: number, reason: string, filter: (c: RoomConnection) => boolean = () => true): void {
    for (const connection of [...this.connections]) {
      if (filter(connection)) {
        this.leave(connection);
        connection.close(code, reason);
      }
    }
  }

  destroy(): void {
    if (this.buildSoon) clearTimeout(this.buildSoon);
    this.buildSoon = null;
    this.stored = null;
    this.wholeState = null;
    this.owedStateVector.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /** Applies the stored updates (one transaction, never relayed), then sends the owed state vectors. */
  private build(): void {
    const stored = this.stored ?? [];
    this.stored = null;
    if (this.buildSoon) clearTimeout(this.buildSoon);
    this.buildSoon = null;
    applyStored(this.ydoc, stored, this.onUnreadable);
    if (this.owedStateVector.size === 0) return;
    const step1 = encodeSyncStep1(this.ydoc);
    for (const connection of this.owedStateVector) connection.send(step1);
    this.owedStateVector.clear();
  }

  /**
   * Sends a sync answer once every commit so far is durable. If the fsync fails the answer may hold
   * what the file lost: it is dropped and the client reconnects (the write queue reloads the session).
   */
  private sendWhenDurable(connection: RoomConnection, messages: readonly Uint8Array[]): void {
    this.durability.whenDurable(
      () => {
        for (const message of messages) connection.send(message);
      },
      () => connection.close(CLOSE_CODES.internalError, 'the host could not save; reconnecting'),
    );
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (origin && this.connections.has(origin as RoomConnection)) {
      for (const id of [...change.added, ...change.updated]) this.awarenessOwners.set(id, origin as RoomConnection);
    }
    for (const id of change.removed) this.awarenessOwners.delete(id);
    // Sent to everyone, the sender too: the stock client counts it as a sign of life.
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections) connection.send(message);
  };
}

/**
 * Applies what a session file holds (snapshot, then log) to a document, in one transaction with the
 * load origin (neither stored again nor relayed). An update that cannot be applied is reported and
 * skipped, so the rest of the session stays readable (never expected: updates are checked before
 * they are stored).
 */
export function applyStored(doc: Y.Doc, updates: readonly Uint8Array[], onUnreadable: (error: Error) => void): void {
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, LOAD_ORIGIN);
      } catch (error) {
        onUnreadable(error as Error);
      }
    }
  }, LOAD_ORIGIN);
}

/** After answering from the stored bytes, the document is built this much later (unless needed before). */
const BUILD_AFTER_ANSWER_MS = 5000;

/** A Yjs update with no structs and no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A state vector without any client's clock: the client holds nothing of the document yet. */
function holdsNothing(stateVector: Uint8Array): boolean {
  for (const clock of Y.decodeStateVector(stateVector).values()) if (clock > 0) return false;
  return true;
}

/** A sync step 2 message around an update as stored: no decoding, no re-encoding. */
function encodeStoredSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
