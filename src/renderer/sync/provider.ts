/**
 * Opens one session's Yjs documents (`control`, `board`, and for the facilitator `vault`) with the
 * stock y-websocket provider, each backed by IndexedDB so edits survive a closed tab or a host that
 * is down, and merge on reconnect (docs/host-api.md, "Sync").
 *
 *   IndexedDB ─┐                 ┌─ ws …/sync/<id>/control  (read-only for participants)
 *              ├─ Y.Doc control ─┤
 *              ├─ Y.Doc board  ──┼─ ws …/sync/<id>/board    (awareness = presence, own client id)
 *              └─ Y.Doc vault  ──┴─ ws …/sync/<id>/vault    (facilitator only; participants get 4403)
 *
 * A close code in 4400–4499 is terminal (y-websocket stops reconnecting and emits `closed`); we
 * then disconnect both documents and report the code, which the screens turn into words.
 * A participant's 4403 (a refused write) is answered once by an honest reset: use-honest-reset.ts.
 * A 4409 (this device holds a copy of an earlier lineage of the document, see
 * core/workshop/fresh-lineage.ts) is not an end: the connection reports `staleCopy`, and
 * useSessionConnection throws the device's copies away and opens the session afresh.
 */
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider, messageSync } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../contracts/sync';
import type { PresenceUser } from '../../core/presence';
import { roomName, type DocName } from '../../core/workshop/doc-names';
import { openBoardProvider } from './board-provider';

export type Awareness = WebsocketProvider['awareness'];

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** The close code that ended the connection for good (e.g. 4410), when status is `closed`. */
  readonly closeCode: number | null;
  /**
   * The host refused this device's copy as one of an earlier lineage (4409): the copies are to be
   * thrown away and the session opened afresh (status stays `reconnecting` meanwhile).
   */
  readonly staleCopy?: boolean;
  /**
   * The control document holds the session (agenda, run state): synced from the host, or, while the
   * host cannot be reached, this device's own copy. Until then the agenda is empty only because it
   * has not arrived, and the screens wait instead of acting on it (N on an empty agenda does nothing).
   */
  readonly ready: boolean;
}

export interface SessionConnection {
  readonly sessionId: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  /** Hidden notes and silent-writing notes before reveal; null unless opened with `vault: true`. */
  readonly vault: Y.Doc | null;
  /** Presence lives on the board connection. */
  readonly awareness: Awareness;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /**
   * Forgets this device's copy of the board (IndexedDB). After the host refused a write (4403) the
   * refused update is in that copy and would be sent again on every reload; the next open starts
   * from the host's board instead. The caller keeps the person's words (as a draft) first.
   */
  discardLocalBoard(): Promise<void>;
  /** Forgets this device's copies of every document (after a 4409: they are of an earlier lineage). */
  discardLocalCopies(): Promise<void>;
  /** Resolves once the board holds the host's state (the host answered this connection's sync). */
  whenBoardSynced(): Promise<void>;
  destroy(): void;
}

export interface OpenOptions {
  /** Open the facilitator-only `vault` document too (a participant's token is refused on it). */
  readonly vault?: boolean;
  /** Bumped to open the session afresh (after an honest reset, use-honest-reset.ts). */
  readonly generation?: number;
  /** Show up in presence. The projector window says nothing, so the room is not counted twice. */
  readonly presence?: boolean;
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

/** How long an open socket waits for the host's sync answer before asking again (doubling each time, up to a minute). */
export const FIRST_SYNC_PATIENCE_MS = 5_000;
const MAX_SYNC_PATIENCE_MS = 60_000;

/**
 * Asks the host again (sync step 1) when a provider's socket is open but the host's sync answer
 * has not come within FIRST_SYNC_PATIENCE_MS, then after twice as long, and so on. The stock
 * provider asks once per socket and would wait for as long as it stays open, and the screens wait
 * for that answer (ConnectionState.ready), so one answer lost on the way would leave a device on
 * "Hämtar sessionen …" for good. Asking again, not reconnecting: a large board on slow Wi-Fi may
 * still be on its way, and a new socket would throw that away. Returns a function that stops watching.
 */
function watchFirstSync(provider: WebsocketProvider): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const askAgainAfter = (patience: number): void => {
    timer = setTimeout(() => {
      timer = null;
      const ws = provider.ws;
      if (!provider.wsconnected || provider.synced || !ws || ws.readyState !== WebSocket.OPEN) return;
      // Stays in the browser's console only: helps whoever debugs a room, sends nothing anywhere.
      console.warn(`Samskapa: ${provider.roomname} got no sync answer in ${patience} ms; asking again`);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, provider.doc);
      ws.send(encoding.toUint8Array(encoder));
      askAgainAfter(Math.min(patience * 2, MAX_SYNC_PATIENCE_MS));
    }, patience);
  };
  const onStatus = ({ status }: { status: string }): void => {
    clear();
    if (status === 'connected' && !provider.synced) askAgainAfter(FIRST_SYNC_PATIENCE_MS);
  };
  const onSync = (synced: boolean): void => {
    if (synced) clear();
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  return () => {
    clear();
    provider.off('status', onStatus);
    provider.off('sync', onSync);
  };
}

/** A second 4409 this soon after a renewal is not looped on: the page says so and offers a reload. */
const RENEW_QUIET_MS = 60_000;
const lastRenewal = new Map<string, number>();

/** Whether a 4409 may be answered by renewing the copies now (at most once a minute per session). */
function renewAllowed(sessionId: string): boolean {
  const now = Date.now();
  if (now - (lastRenewal.get(sessionId) ?? Number.NEGATIVE_INFINITY) < RENEW_QUIET_MS) return false;
  lastRenewal.set(sessionId, now);
  return true;
}

export function openSession(
  sessionId: string,
  token: string,
  user: PresenceUser,
  { vault: withVault = false, presence = true }: OpenOptions = {},
): SessionConnection {
  const control = new Y.Doc();
  const board = new Y.Doc();
  const vault = withVault ? new Y.Doc() : null;
  const controlStore = persist(sessionId, 'control', control);
  const boardStore = persist(sessionId, 'board', board);
  const stores = [controlStore, boardStore];
  if (vault) stores.push(persist(sessionId, 'vault', vault));
  const url = `${wsBase()}/sync`;
  const options = { params: { token } };
  const controlProvider = new WebsocketProvider(url, roomName(sessionId, 'control'), control, options);
  // Presence on a client id of its own, never the board's writer id (board-provider.ts).
  const boardProvider = openBoardProvider(url, roomName(sessionId, 'board'), board, { ...options, user: presence ? user : null });
  const vaultProvider = vault ? new WebsocketProvider(url, roomName(sessionId, 'vault'), vault, options) : null;
  // Presence is shown from the board connection only, so nobody is counted twice.
  controlProvider.awareness.setLocalState(null);
  vaultProvider?.awareness.setLocalState(null);

  const listeners = new Set<() => void>();
  let everConnected = false;
  let state: ConnectionState = { status: 'connecting', closeCode: null, ready: false };
  const providers = vaultProvider ? [controlProvider, boardProvider, vaultProvider] : [controlProvider, boardProvider];

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of listeners) listener();
  }

  function update(): void {
    if (state.status === 'closed') return;
    const allConnected = providers.every((p) => p.wsconnected);
    if (allConnected) everConnected = true;
    const status: ConnectionStatus = allConnected
      ? 'connected'
      : everConnected
        ? 'reconnecting'
        : 'connecting';
    if (status !== state.status) setState({ status, closeCode: null, ready: state.ready });
  }

  // When the control document is ready (ConnectionState.ready): the host's sync answer, or this
  // device's copy once loaded, if it holds the session or the host could not be reached.
  let localLoaded = controlStore === null;
  let hostUnreachable = false;
  // Whether the copy itself held the session: updates that arrived from the host before the copy
  // loaded (without its sync answer) may be only part of it.
  let copyHeldSession = false;
  const onCopyUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === controlStore) copyHeldSession = true;
  };
  control.on('update', onCopyUpdate);
  function checkReady(): void {
    if (state.ready || state.status === 'closed') return;
    const fromHost = controlProvider.synced;
    const fromCopy = localLoaded && (copyHeldSession || hostUnreachable);
    if (fromHost || fromCopy) setState({ ...state, ready: true });
  }
  controlProvider.on('sync', checkReady);
  const unreachable = (): void => {
    hostUnreachable = true;
    checkReady();
  };
  controlProvider.on('connection-close', unreachable);
  controlProvider.on('connection-error', unreachable);
  void controlStore?.whenSynced.then(() => {
    localLoaded = true;
    checkReady();
  });

  function onClosed(event: { code: number; reason: string }, provider: WebsocketProvider): void {
    // Stays in the browser's console only: helps whoever debugs a room, sends nothing anywhere.
    console.warn(`Samskapa: ${provider.roomname} closed by the host (${event.code}): ${event.reason}`);
    for (const p of providers) p.disconnect();
    setState(
      event.code === CLOSE_CODES.staleCopy && renewAllowed(sessionId)
        ? { status: 'reconnecting', closeCode: null, staleCopy: true, ready: state.ready }
        : { status: 'closed', closeCode: event.code, ready: state.ready },
    );
  }

  for (const provider of providers) {
    provider.on('status', update);
    provider.on('closed', onClosed);
  }
  const stopWatching = providers.map(watchFirstSync);

  return {
    sessionId,
    control,
    board,
    vault,
    awareness: boardProvider.awareness,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async discardLocalBoard() {
      await boardStore?.clearData();
    },
    async discardLocalCopies() {
      await Promise.all(stores.map((store) => store?.clearData()));
    },
    whenBoardSynced() {
      if (boardProvider.synced) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const onSync = (synced: boolean): void => {
          if (!synced) return;
          boardProvider.off('sync', onSync);
          resolve();
        };
        boardProvider.on('sync', onSync);
      });
    },
    destroy() {
      for (const stop of stopWatching) stop();
      control.off('update', onCopyUpdate);
      listeners.clear();
      for (const provider of providers) provider.destroy();
      for (const store of stores) void store?.destroy();
      control.destroy();
      board.destroy();
      vault?.destroy();
    },
  };
}
