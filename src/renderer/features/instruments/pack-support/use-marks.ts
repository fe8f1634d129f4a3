/** React hooks over the board's `marks` (core/instruments/marks.ts): my own marks and the tally. */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { myMarks, observeMarks, tallyMarks } from '../../../../core/instruments/marks';
import { useDocSelector, type Observe } from '../../../sync/use-doc-selector';

const observe: Observe = (doc, onChange) => observeMarks(doc, onChange);

export function useMyMarks(board: Y.Doc, stepId: string, pseudonym: string): ReadonlySet<string> {
  const select = useCallback((doc: Y.Doc) => myMarks(doc, stepId, pseudonym), [stepId, pseudonym]);
  return useDocSelector(board, observe, select);
}

/** Per group (null = the room), how many people marked each cell. */
export function useMarkTally(board: Y.Doc, stepId: string): ReadonlyMap<string | null, ReadonlyMap<string, number>> {
  const select = useCallback((doc: Y.Doc) => tallyMarks(doc, stepId), [stepId]);
  return useDocSelector(board, observe, select);
}

/** One group's counts, or every group's added together (groupId undefined). */
export function countsFor(tally: ReadonlyMap<string | null, ReadonlyMap<string, number>>, groupId?: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [group, cells] of tally) {
    if (groupId !== undefined && group !== groupId) continue;
    for (const [cell, n] of cells) out.set(cell, (out.get(cell) ?? 0) + n);
  }
  return out;
}
