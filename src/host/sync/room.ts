import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceUser } from '../../core/presence';
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
} from './protocol';

/** Presence client ids one connection may speak for (a tab has one; reconnects reuse it). */
export const MAX_PRESENCE_IDS = 4;

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
 * One live Yjs document with its awareness and its connections. The document only ever receives
 * updates that are already on disk (`applyCommitted`), so what it relays is what survives a crash.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly connections = new Set<RoomConnection>();
  /** Which connection speaks for each awareness client id: a client cannot update another's presence. */
  private readonly awarenessOwners = new Map<number, RoomConnection>();
  /** While the write queue holds relays (between apply and commit): the messages to send after. */
  private held: { message: Uint8Array; except: unknown }[] | null = null;

  /**
   * `onHostChange` receives what the host itself writes (origin HOST_ORIGIN): it is stored first and
   * relayed with `relay` once on disk, like every other update.
   */
  constructor(
    readonly sessionId: string,
    readonly name: DocName,
    private readonly onHostChange: (update: Uint8Array) => void = () => {},
  ) {
    // The host has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === HOST_ORIGIN) this.onHostChange(update);
      else if (this.held) this.held.push({ message: encodeUpdate(update), except: origin });
      else this.broadcast(encodeUpdate(update), origin);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Starts the sync handshake with a new connection: our state vector, then everyone's presence. */
  join(connection: RoomConnection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(this.doc));
    const states = encodeAwarenessStates(this.awareness);
    if (states) connection.send(states);
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === connection).map(([id]) => id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
  }

  answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): void {
    connection.send(encodeSyncStep2(this.doc, stateVector));
  }

  sendPresence(connection: RoomConnection): void {
    const states = encodeAwarenessStates(this.awareness);
    if (states) connection.send(states);
  }

  /** Holds back relays of what is applied from now on, until `releaseRelays`. */
  holdRelays(): void {
    this.held ??= [];
  }

  /** Sends the held relays (once the updates are on disk), or drops them if they were not stored. */
  releaseRelays(send: boolean): void {
    const held = this.held ?? [];
    this.held = null;
    if (send) for (const { message, except } of held) this.broadcast(message, except);
  }

  /** Sends an update the host wrote (already applied here, now on disk) to every connection. */
  relay(update: Uint8Array): void {
    if (this.held) this.held.push({ message: encodeUpdate(update), except: null });
    else this.broadcast(encodeUpdate(update), null);
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
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
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
