import { useEffect, useRef } from 'react';
import type { Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { useAnnounce } from '../../../ui/live-region';

/**
 * Says new notes out loud in the app's polite live region (as NotesList does), for the views that
 * lay notes out themselves: a cloth per group, domains, answers per prompt.
 */
export function useAnnounceNewNotes(notes: readonly Note[], ownId: string | null = null): void {
  const t = useT();
  const announce = useAnnounce();
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(notes.map((n) => n.id));
      return;
    }
    const seen = known.current;
    const fresh = notes.filter((n) => !seen.has(n.id) && (!ownId || n.authorId !== ownId));
    for (const note of notes) seen.add(note.id);
    const first = fresh[0];
    if (fresh.length === 1 && first) announce(t('board.newNote', { text: first.text }));
    else if (fresh.length > 1) announce(t('board.newNotes', { count: fresh.length }));
  }, [notes, ownId, announce, t]);
}
