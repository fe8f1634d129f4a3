/**
 * Opens one session's two Yjs documents (`control`, `board`) with the stock y-websocket provider,
 * each backed by IndexedDB so edits survive a closed tab or a host that is down, and merge on
 * reconnect (docs/host-api.md, "Sync").
 *
 *   IndexedDB ─┐                 ┌─ ws …/sync/<id>/control  (read-only for participants)
 *              ├─ Y.Doc control ─┤
 *              └─ Y.Doc board  ──┴─ ws …/sync/<id>/board    (awareness = presence)
 *
 * A close code in 4400–4499 is terminal (y-websocket stops reconnecting and emits `closed`); we
 * then disconnect both documents and report the code, which the screens turn into words.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PresenceUser } from '../../core/presence';
import { roomName, type DocName } from '../../core/workshop/doc-names';

export type Awareness = WebsocketProvider['awareness'];

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** The close code that ended the connection for good (e.g. 4410), when status is `closed`. */
  readonly closeCode: number | null;
}

export interface SessionConnection {
  readonly sessionId: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  /** Presence lives on the board connection. */
  readonly awareness: Awareness;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** `http://host:port` → `ws://host:port` (and https → wss). */
export function wsBase(origin: string = window.location.origin): string {
  return origin.replace(/^http/, 'ws');
}

function persist(sessionId: string, doc: DocName, ydoc: Y.Doc): IndexeddbPersistence | null {
  try {
    return new IndexeddbPersistence(`samskapa:${sessionId}:${doc}`, ydoc);
  } catch {
    // No IndexedDB (some private modes): the session still works online, only without offline copy.
    return null;
  }
}

export function openSession(sessionId: string, token: string, user: PresenceUser): SessionConnection {
  const control = new Y.Doc();
  const board = new Y.Doc();
  const stores = [persist(sessionId, 'control', control), persist(sessionId, 'board', board)];
  const url = `${wsBase()}/sync`;
  const options = { params: { token } };
  const controlProvider = new WebsocketProvider(url, roomName(sessionId, 'control'), control, options);
  const boardProvider = new WebsocketProvider(url, roomName(sessionId, 'board'), board, options);
  // Presence is shown from the board connection only, so nobody is counted twice.
  controlProvider.awareness.setLocalState(null);
  boardProvider.awareness.setLocalStateField('user', user);

  const listeners = new Set<() => void>();
  let everConnected = false;
  let state: ConnectionState = { status: 'connecting', closeCode: null };
  const providers = [controlProvider, boardProvider];

  function update(): void {
    if (state.status === 'closed') return;
    const allConnected = providers.every((p) => p.wsconnected);
    if (allConnected) everConnected = true;
    const status: ConnectionStatus = allConnected
      ? 'connected'
      : everConnected
        ? 'reconnecting'
        : 'connecting';
    if (status !== state.status) {
      state = { status, closeCode: null };
      for (const listener of listeners) listener();
    }
  }

  function onClosed(event: { code: number; reason: string }, provider: WebsocketProvider): void {
    // Stays in the browser's console only: helps whoever debugs a room, sends nothing anywhere.
    console.warn(`Samskapa: ${provider.roomname} closed by the host (${event.code}): ${event.reason}`);
    for (const p of providers) p.disconnect();
    state = { status: 'closed', closeCode: event.code };
    for (const listener of listeners) listener();
  }

  for (const provider of providers) {
    provider.on('status', update);
    provider.on('closed', onClosed);
  }

  return {
    sessionId,
    control,
    board,
    awareness: boardProvider.awareness,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      for (const provider of providers) provider.destroy();
      for (const store of stores) void store?.destroy();
      control.destroy();
      board.destroy();
    },
  };
}
