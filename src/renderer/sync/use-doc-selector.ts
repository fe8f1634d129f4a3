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

/** For each document read here: how many transactions it has seen since it was first read. */
const versions = new WeakMap<Y.Doc, { count: number }>();

function versionOf(doc: Y.Doc): number {
  let version = versions.get(doc);
  if (!version) {
    const counter = { count: 0 };
    doc.on('afterTransaction', () => {
      counter.count += 1;
    });
    versions.set(doc, counter);
    version = counter;
  }
  return version.count;
}

export interface DocSnapshotStore<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

/**
 * The store behind useDocSelector. React reads a snapshot while rendering and subscribes only
 * after the screen is drawn; a change in between (a copy loading from IndexedDB, the host's sync
 * answer) reaches no observer. Without the version check below the screen kept the value read
 * before it, until the next change came: a phone back from the help screen showed no step, a
 * cockpit reopened showed no agenda, for as long as the facilitator changed nothing.
 */
export function docSnapshotStore<T>(doc: Y.Doc, observe: Observe, select: Select<T>): DocSnapshotStore<T> {
  let cached: { value: T; version: number } | null = null;
  return {
    subscribe(onChange) {
      const stop = observe(doc, () => {
        cached = null;
        onChange();
      });
      if (cached !== null && cached.version !== versionOf(doc)) {
        cached = null;
        onChange();
      }
      return stop;
    },
    getSnapshot() {
      if (cached === null) cached = { value: select(doc), version: versionOf(doc) };
      return cached.value;
    },
  };
}

export function useDocSelector<T>(doc: Y.Doc, observe: Observe, select: Select<T>): T {
  const store = useMemo(() => docSnapshotStore(doc, observe, select), [doc, observe, select]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useNotes(board: Y.Doc): readonly Note[] {
  return useDocSelector(board, observeNotes, selectNotes);
}

export function useSessionInfo(control: Y.Doc): SessionInfo | null {
  return useDocSelector(control, observeSessionInfo, selectSessionInfo);
}
