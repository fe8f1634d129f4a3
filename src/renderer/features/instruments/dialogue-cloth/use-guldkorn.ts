import { useCallback } from 'react';
import type * as Y from 'yjs';
import { guldkornMap, selectGuldkorn, type Guldkorn } from '../../../../core/instruments/dialogue-cloth';
import { useDocSelector, type Observe } from '../../../sync/use-doc-selector';

const observeGuldkorn: Observe = (doc, onChange) => {
  const map = guldkornMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

/** The step's guldkorn (key insights) in the control document, oldest first. */
export function useGuldkorn(control: Y.Doc, stepId: string): readonly Guldkorn[] {
  const select = useCallback((doc: Y.Doc) => selectGuldkorn(doc, stepId), [stepId]);
  return useDocSelector(control, observeGuldkorn, select);
}
