import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PresenceUser } from '../../core/presence';
import { openSession, type ConnectionState, type OpenOptions, type SessionConnection } from './provider';

const CONNECTING: ConnectionState = { status: 'connecting', closeCode: null };

/** Opens the session's documents while the component is mounted; closes them on unmount. */
export function useSessionConnection(
  sessionId: string,
  token: string,
  user: PresenceUser,
  options: OpenOptions = {},
): SessionConnection | null {
  const [connection, setConnection] = useState<SessionConnection | null>(null);
  const { name, role, participantId } = user;
  const { vault = false, presence = true, generation = 0 } = options;
  useEffect(() => {
    const opened = openSession(sessionId, token, { name, role, participantId }, { vault, presence });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [sessionId, token, name, role, participantId, vault, presence, generation]);
  return connection;
}

const noSubscribe = () => () => {};

export function useConnectionState(connection: SessionConnection | null): ConnectionState {
  return useSyncExternalStore(
    connection ? connection.subscribe : noSubscribe,
    connection ? connection.getState : () => CONNECTING,
  );
}
