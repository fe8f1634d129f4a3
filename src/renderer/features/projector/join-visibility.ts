/**
 * Whether the projector shows the join QR code and code. The facilitator decides in the cockpit;
 * the projector window (same browser, same origin) follows through localStorage's `storage` event,
 * so it works without a network round trip and survives a reload of either window.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { readString, writeString } from '../../storage/local-store';

const key = (sessionId: string) => `samskapa:projector-join:${sessionId}`;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** [shown, setShown]: shown by default, until the facilitator hides it. */
export function useJoinVisible(sessionId: string): [boolean, (shown: boolean) => void] {
  const shown = useSyncExternalStore(subscribe, () => readString(key(sessionId)) !== 'hidden');
  const set = useCallback(
    (next: boolean) => {
      writeString(key(sessionId), next ? 'shown' : 'hidden');
      for (const listener of listeners) listener();
    },
    [sessionId],
  );
  return [shown, set];
}
