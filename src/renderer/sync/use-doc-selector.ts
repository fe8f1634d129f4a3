/**
 * Reads a plain snapshot out of a Y.Doc for React, with `useSyncExternalStore`. The core supplies
 * the pair: `observe` (subscribe to changes) and `select` (doc → readonly snapshot). The snapshot is
 * cached until the next change, so React sees a stable value between changes.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeNotes, selectNotes, type Note } from '../../core/workshop/board';
import {
  observeSessionInfo,
  selectSessionInfo,
  type SessionInfo,
} from '../../core/workshop/session-info';

export type Observe = (doc: Y.Doc, onChange: () => void) => () => void;
export type Select<T> = (doc: Y.Doc) => T;

export function useDocSelector<T>(doc: Y.Doc, observe: Observe, select: Select<T>): T {
  const store = useMemo(() => {
    let cached: { value: T } | null = null;
    return {
      subscribe(onChange: () => void) {
        return observe(doc, () => {
          cached = null;
          onChange();
        });
      },
      getSnapshot(): T {
        if (cached === null) cached = { value: select(doc) };
        return cached.value;
      },
    };
  }, [doc, observe, select]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useNotes(board: Y.Doc): readonly Note[] {
  return useDocSelector(board, observeNotes, selectNotes);
}

export function useSessionInfo(control: Y.Doc): SessionInfo | null {
  return useDocSelector(control, observeSessionInfo, selectSessionInfo);
}
