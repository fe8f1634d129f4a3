/**
 * The board's sync connection, with presence on a client id of its own (docs/SECURITY.md,
 * "Presence names no writer").
 *
 * Yjs stamps every item a device writes with the board document's client id. The stock provider
 * keys presence by that same id, so anyone reading the live traffic of a session could see "client
 * 123456 is the anonymous närstående" and then find the notes and votes client 123456 wrote. Here
 * presence lives in an Awareness of a throwaway Y.Doc: its random client id is unrelated to the
 * board's writer id and never written into any document.
 *
 * The stock WebsocketProvider (y-websocket 3.1) takes such an `awareness` option but still assumes
 * `awareness.clientID === doc.clientID` in three places, each of which would throw (the awareness
 * has no clock for the board's id) or send the board's id in a presence message:
 *  - `connectBc` and `disconnectBc` announce and withdraw `doc.clientID` to other tabs (and to the
 *    host when disconnecting): overridden below to speak for the awareness' own id;
 *  - on open, it sends the local state of `doc.clientID` if the local state is not null: so the
 *    local state is null whenever a socket opens. It is set only once the socket is open (right
 *    after the provider's open handler, which reports `connected` before that send), and the stock
 *    provider itself withdraws it when a socket closes (it keeps only `doc.clientID`'s state).
 * While the board is disconnected this device is therefore not in its own presence list either,
 * as nobody else is; it is back as soon as the socket is.
 */
import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider, messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket';
import * as Y from 'yjs';
import type { PresenceUser } from '../../core/presence';

export interface BoardProviderOptions {
  readonly params: Record<string, string>;
  /** Who this device shows itself as (the host overwrites it from the token); null: not in presence. */
  readonly user: PresenceUser | null;
}

class BoardProvider extends WebsocketProvider {
  constructor(
    url: string,
    room: string,
    board: Y.Doc,
    params: Record<string, string>,
    private readonly presenceDoc: Y.Doc,
    user: PresenceUser | null,
  ) {
    const awareness = new awarenessProtocol.Awareness(presenceDoc);
    // The Awareness starts with an empty local state; it must be null before the first socket opens.
    awareness.setLocalState(null);
    super(url, room, board, { params, awareness });
    if (user === null) return;
    this.on('status', ({ status }) => {
      if (status !== 'connected') return;
      // After the stock open handler has run (it reports `connected` before its own presence send).
      queueMicrotask(() => {
        if (this.wsconnected) this.awareness.setLocalState({ user });
      });
    });
  }

  /** As the stock method, but the awareness entry announced to other tabs is the awareness' own. */
  override connectBc(): void {
    if (this.disableBc) return;
    if (!this.bcconnected) {
      bc.subscribe(this.bcChannel, this._bcSubscriber);
      this.bcconnected = true;
    }
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, messageSync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    bc.publish(this.bcChannel, encoding.toUint8Array(step1), this);
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, messageSync);
    syncProtocol.writeSyncStep2(step2, this.doc);
    bc.publish(this.bcChannel, encoding.toUint8Array(step2), this);
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, messageQueryAwareness);
    bc.publish(this.bcChannel, encoding.toUint8Array(query), this);
    bc.publish(this.bcChannel, this.ownPresenceMessage(this.awareness.states), this);
  }

  /** As the stock method: withdraws this device's presence (host and other tabs), leaves the tabs' channel. */
  override disconnectBc(): void {
    const withdrawn = this.ownPresenceMessage(new Map());
    if (this.wsconnected) this.ws?.send(withdrawn);
    if (this.bcconnected) {
      bc.publish(this.bcChannel, withdrawn, this);
      bc.unsubscribe(this.bcChannel, this._bcSubscriber);
      this.bcconnected = false;
    }
  }

  override destroy(): void {
    super.destroy();
    // Destroying its document destroys the Awareness too (its timer included).
    this.presenceDoc.destroy();
  }

  private ownPresenceMessage(states: Map<number, Record<string, unknown>>): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID], states));
    return encoding.toUint8Array(encoder);
  }
}

/** Connects the board document; its `awareness` is presence, keyed by an id no document carries. */
export function openBoardProvider(url: string, room: string, board: Y.Doc, { params, user }: BoardProviderOptions): WebsocketProvider {
  return new BoardProvider(url, room, board, params, new Y.Doc(), user);
}
