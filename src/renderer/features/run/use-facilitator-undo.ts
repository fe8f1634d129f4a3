/**
 * "Ångra" for the facilitator's own actions, newest first. Two kinds of action are undoable:
 * - edits to the control document (agenda, run, groups, clusters) made with FACILITATOR_ORIGIN,
 *   tracked by a Y.UndoManager, so a participant's note or the host's bookkeeping is never undone;
 * - hiding a note, which the host does (the note moves to the vault): its inverse is "restore".
 * One stack keeps both in the order they happened.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { FACILITATOR_ORIGIN } from '../../../core/workshop/origins';
import type { useT } from '../../i18n';

/**
 * What an undo would take back, in words. Kept as a function of `t`, not as text, so the button
 * says it in the language shown now, not the one the action was taken in.
 */
export type UndoLabel = (t: ReturnType<typeof useT>) => string;

export type UndoEntry =
  | { readonly kind: 'doc'; readonly label: UndoLabel | null }
  | { readonly kind: 'hide'; readonly noteId: string; readonly label: UndoLabel | null };

export interface FacilitatorUndo {
  /** What the next undo would take back (null: nothing to undo). */
  readonly next: UndoEntry | null;
  /** Names the next tracked change (e.g. "Nästa steg"), shown on the Ångra button. */
  readonly label: (label: UndoLabel) => void;
  readonly recordHide: (noteId: string, label: UndoLabel) => void;
  readonly undo: () => void;
}

/** The control document's types the facilitator edits (names as in core/workshop). */
function trackedTypes(control: Y.Doc): (Y.Array<unknown> | Y.Map<unknown>)[] {
  return [control.getArray('agenda'), control.getMap('run'), control.getMap('groups'), control.getMap('clusters')];
}

export function useFacilitatorUndo(control: Y.Doc, restore: (noteId: string) => void): FacilitatorUndo {
  const entries = useRef<UndoEntry[]>([]);
  const manager = useRef<Y.UndoManager | null>(null);
  const pendingLabel = useRef<UndoLabel | null>(null);
  const [next, setNext] = useState<UndoEntry | null>(null);
  const sync = useCallback(() => setNext(entries.current[entries.current.length - 1] ?? null), []);

  useEffect(() => {
    const undoManager = new Y.UndoManager(trackedTypes(control), {
      trackedOrigins: new Set([FACILITATOR_ORIGIN]),
      captureTimeout: 0,
    });
    const added = (event: { type: 'undo' | 'redo' }) => {
      if (event.type !== 'undo') return;
      entries.current.push({ kind: 'doc', label: pendingLabel.current });
      pendingLabel.current = null;
      sync();
    };
    undoManager.on('stack-item-added', added);
    manager.current = undoManager;
    entries.current = [];
    sync();
    return () => {
      undoManager.off('stack-item-added', added);
      undoManager.destroy();
      manager.current = null;
    };
  }, [control, sync]);

  const label = useCallback((next: UndoLabel) => {
    pendingLabel.current = next;
  }, []);

  const recordHide = useCallback(
    (noteId: string, hideLabel: UndoLabel) => {
      entries.current.push({ kind: 'hide', noteId, label: hideLabel });
      sync();
    },
    [sync],
  );

  const undo = useCallback(() => {
    const entry = entries.current.pop();
    sync();
    if (!entry) return;
    if (entry.kind === 'hide') restore(entry.noteId);
    else manager.current?.undo();
  }, [restore, sync]);

  return useMemo(() => ({ next, label, recordHide, undo }), [next, label, recordHide, undo]);
}
