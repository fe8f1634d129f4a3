import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { PresenceUser } from '../../core/presence';
import { openSession, type ConnectionState, type OpenOptions, type SessionConnection } from './provider';

const CONNECTING: ConnectionState = { status: 'connecting', closeCode: null, ready: false };

/**
 * Opens the session's documents while the component is mounted; closes them on unmount.
 *
 * When the host refuses the device's copies as an earlier lineage (4409, `staleCopy`), the copies
 * are thrown away and the session is opened afresh: a new connection with empty documents, synced
 * from the host. `onStaleCopy` sees the old connection first (a participant keeps their words).
 */
export function useSessionConnection(
  sessionId: string,
  token: string,
  user: PresenceUser,
  options: OpenOptions = {},
  onStaleCopy?: (old: SessionConnection) => void,
): SessionConnection | null {
  const [connection, setConnection] = useState<SessionConnection | null>(null);
  const [renewal, setRenewal] = useState(0);
  const { name, role, participantId } = user;
  const { vault = false, presence = true, generation = 0 } = options;
  useEffect(() => {
    const opened = openSession(sessionId, token, { name, role, participantId }, { vault, presence });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [sessionId, token, name, role, participantId, vault, presence, generation, renewal]);

  const state = useConnectionState(connection);
  const onStale = useRef(onStaleCopy);
  onStale.current = onStaleCopy;
  useEffect(() => {
    if (!connection || !state.staleCopy) return;
    onStale.current?.(connection);
    void connection
      .discardLocalCopies()
      .catch(() => undefined)
      .then(() => setRenewal((r) => r + 1));
  }, [connection, state.staleCopy]);
  return connection;
}

const noSubscribe = () => () => {};

export function useConnectionState(connection: SessionConnection | null): ConnectionState {
  return useSyncExternalStore(
    connection ? connection.subscribe : noSubscribe,
    connection ? connection.getState : () => CONNECTING,
  );
}
