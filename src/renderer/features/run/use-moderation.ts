/** Hooks over the moderation core: hidden notes (vault), notes waiting for a reveal, hidden ids. */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { Note } from '../../../core/workshop/board';
import {
  selectHiddenNotes,
  selectPending,
  vaultHidden,
  vaultPending,
} from '../../../core/workshop/moderation';
import { useDocSelector, type Observe } from '../../sync/use-doc-selector';

const observeVault: Observe = (doc, onChange) => {
  const maps = [vaultHidden(doc), vaultPending(doc)];
  for (const map of maps) map.observe(onChange);
  return () => maps.forEach((map) => map.unobserve(onChange));
};

/** The notes the facilitator has hidden (never deleted), oldest first. */
export function useHiddenNotes(vault: Y.Doc): readonly Note[] {
  return useDocSelector(vault, observeVault, selectHiddenNotes);
}

/** How many private notes wait in the vault for this silent-writing step. */
export function usePendingCount(vault: Y.Doc, stepId: string): number {
  const select = useCallback((doc: Y.Doc) => selectPending(doc, stepId).length, [stepId]);
  return useDocSelector(vault, observeVault, select);
}
