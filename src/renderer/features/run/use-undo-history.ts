/**
 * The session's undo history, owned by the session view (not the run tab) so "Ångra" and Ctrl+Z
 * take back the facilitator's last action in either mode, planning or running.
 */
import { useCallback, useEffect, useRef } from 'react';
import { errorCodeOf } from '../../api/api-error';
import { restoreNote } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useAnnounce } from '../../ui/live-region';
import { useFacilitatorUndo, type FacilitatorUndo } from './use-facilitator-undo';

export interface UndoHistory {
  readonly undo: FacilitatorUndo;
  /** Puts a hidden note back on the board (also the inverse of "Dölj"). */
  readonly restore: (noteId: string) => void;
}

export function useUndoHistory(token: string, connection: SessionConnection): UndoHistory {
  const t = useT();
  const announce = useAnnounce();
  const { sessionId, control } = connection;
  const restore = useCallback(
    (noteId: string) => {
      restoreNote(token, sessionId, noteId).then(
        () => announce(t('moderation.restored')),
        (failure: unknown) => announce(t(`error.${errorCodeOf(failure)}`)),
      );
    },
    [token, sessionId, announce, t],
  );
  const undo = useFacilitatorUndo(control, restore);
  return { undo, restore };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl+Z / ⌘Z undoes the facilitator's last action, except while typing (the field's own undo). */
export function useUndoShortcut(undo: FacilitatorUndo): void {
  const latest = useRef(undo);
  useEffect(() => {
    latest.current = undo;
  }, [undo]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      latest.current.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
