import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Note } from '../../../core/workshop/board';
import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { useAnnounce } from '../../ui/live-region';
import { NoteCard } from '../../ui/note-card';
import { EmptyState } from '../../ui/notice';
import { Button } from '../../ui/button';
import { NOTES_DRAWN_FIRST, NOTES_SHOWN_AT_FIRST } from './notes-limit';

export interface NotesListProps {
  readonly notes: readonly Note[];
  /** The reader's participant id, to mark their own notes. */
  readonly ownId?: string | null;
  readonly headingId?: string;
  readonly layout?: 'column' | 'grid';
  /** Replaces "Det här har skrivits" (e.g. "Det här har din grupp skrivit"). */
  readonly heading?: string;
  /** Extra controls under each note (the facilitator's "Dölj"). */
  readonly renderActions?: (note: Note) => ReactNode;
}

/** Tells screen-reader users about notes that others add, without moving focus. */
function useAnnounceNewNotes(notes: readonly Note[], ownId: string | null): void {
  const t = useT();
  const announce = useAnnounce();
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(notes.map((n) => n.id));
      return;
    }
    const seen = known.current;
    const fresh = notes.filter((n) => !seen.has(n.id));
    for (const note of fresh) seen.add(note.id);
    const fromOthers = fresh.filter((n) => !ownId || n.authorId !== ownId);
    const first = fromOthers[0];
    if (fromOthers.length === 1 && first) announce(t('board.newNote', { text: first.text }));
    else if (fromOthers.length > 1) announce(t('board.newNotes', { count: fromOthers.length }));
  }, [notes, ownId, announce, t]);
}

/** The board's notes, newest first, so a sent note appears right under the field it came from. */
export function NotesList(props: NotesListProps) {
  const { notes, ownId = null, headingId, layout = 'column', heading, renderActions } = props;
  const t = useT();
  useAnnounceNewNotes(notes, ownId);
  const language = useLanguage();
  // The first time formatter costs tens of ms to build (Intl loads its data); build it while the
  // board still waits for its notes, not while the first cards are drawn.
  useEffect(() => void formatTime(0, language), [language]);
  const [limit, setLimit] = useState(NOTES_SHOWN_AT_FIRST);
  // Cards drawn so far: a screenful first, then up to `limit` in a background render (a transition,
  // so typing and scrolling stay responsive while a long board fills in).
  const [drawn, setDrawn] = useState(NOTES_DRAWN_FIRST);
  useEffect(() => {
    if (drawn < limit && notes.length > drawn) startTransition(() => setDrawn(limit));
  }, [drawn, limit, notes.length]);
  const newestFirst = [...notes].reverse();
  const shown = newestFirst.slice(0, Math.min(drawn, limit));
  const hidden = newestFirst.length - Math.min(newestFirst.length, limit);
  return (
    <section className="stack-sm" aria-labelledby={headingId}>
      <div className="row-between">
        <h2 id={headingId}>{heading ?? t('board.notesHeading')}</h2>
        <span className="muted small">{t('board.notesCount', { count: notes.length })}</span>
      </div>
      {notes.length === 0 ? (
        <EmptyState title={t('board.notesEmpty')} headingLevel={3} />
      ) : null}
      <ul
        className={layout === 'grid' ? 'plain-list notes-grid' : 'plain-list notes-column'}
        data-testid="notes"
        data-count={notes.length}
        aria-labelledby={headingId}
      >
        {shown.map((note) => (
          <li key={note.id} className="fade-in">
            <NoteCard note={note} own={Boolean(ownId) && note.authorId === ownId} />
            {renderActions ? renderActions(note) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <Button variant="secondary" onClick={() => setLimit((n) => n + NOTES_SHOWN_AT_FIRST * 5)}>
          {t('board.showOlder', { count: hidden })}
        </Button>
      ) : null}
    </section>
  );
}
