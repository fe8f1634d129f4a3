/**
 * Who is here, from the board connection's awareness. Keyed by Yjs clientID; the host fills `user`
 * from each connection's token (core/presence.ts). One person with two tabs is shown once.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { isPresenceUser, type PresenceUser } from '../../core/presence';
import type { Awareness } from './provider';

export interface PresentPerson {
  readonly key: string;
  readonly user: PresenceUser;
  readonly self: boolean;
}

export function selectPresence(awareness: Awareness): readonly PresentPerson[] {
  const seen = new Set<string>();
  const people: PresentPerson[] = [];
  const ownId = awareness.clientID;
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = (state as { user?: unknown }).user;
    if (!isPresenceUser(user)) continue;
    const key = user.participantId ?? `client-${clientId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push({ key, user, self: clientId === ownId });
  }
  return people;
}

export function usePresence(awareness: Awareness): readonly PresentPerson[] {
  const store = useMemo(() => {
    let cached: readonly PresentPerson[] | null = null;
    return {
      subscribe(onChange: () => void) {
        // States may have arrived between the first render and this subscription (another tab of
        // this browser answers over BroadcastChannel at once): forget the snapshot taken before,
        // or the list stays empty until someone's presence changes.
        cached = null;
        const handler = () => {
          cached = null;
          onChange();
        };
        awareness.on('change', handler);
        return () => awareness.off('change', handler);
      },
      getSnapshot() {
        cached ??= selectPresence(awareness);
        return cached;
      },
    };
  }, [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
