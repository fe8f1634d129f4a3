import { memo, type CSSProperties } from 'react';
import type { Note } from '../../core/workshop/board';
import { formatTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n';
import { roleColor } from './role-colors';

export interface NoteCardProps {
  readonly note: Note;
  /** True for the reader's own note (shown with a soft background and "du"). */
  readonly own?: boolean;
}

/**
 * One note: the text first, then who wrote it (name or "Anonym"), their role and the time.
 * Memoised: Yjs hands back the same object for a note that did not change, so a busy board
 * re-renders only the cards that are new or edited.
 */
export const NoteCard = memo(function NoteCard({ note, own = false }: NoteCardProps) {
  const t = useT();
  const language = useLanguage();
  const author = note.anonymous ? t('board.anonymous') : (note.authorName ?? null);
  const role = t(`role.${note.authorRole}`);
  return (
    <article
      className={own ? 'note-card is-own' : 'note-card'}
      style={{ '--role-color': roleColor(note.authorRole) } as CSSProperties}
    >
      <p className="note-text">{note.text}</p>
      <p className="note-meta">
        {author ? <span className="note-author">{author}</span> : null}
        <span>{role}</span>
        {own ? <span className="badge">{t('board.you')}</span> : null}
        {note.onBehalf ? <span className="badge">{t('steps.onBehalf')}</span> : null}
        <time dateTime={new Date(note.createdAt).toISOString()}>
          {formatTime(note.createdAt, language)}
        </time>
        {note.editedAt ? <span>{t('board.edited')}</span> : null}
      </p>
    </article>
  );
});
