import { useId } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n';
import { NoteCard } from '../../ui/note-card';
import { useHiddenNotes } from './use-moderation';

/** "Dolda": notes the facilitator took off the board. Nothing is deleted; each can come back. */
export function HiddenNotes({ vault, onRestore }: { readonly vault: Y.Doc; readonly onRestore: (noteId: string) => void }) {
  const t = useT();
  const headingId = useId();
  const hidden = useHiddenNotes(vault);
  return (
    <details className="run-panel hidden-notes" data-testid="hidden-notes">
      <summary>
        <span id={headingId}>{t('moderation.hiddenHeading', { count: hidden.length })}</span>
      </summary>
      <p className="muted small">{t('moderation.hiddenHint')}</p>
      <ul className="plain-list notes-column" aria-labelledby={headingId}>
        {hidden.map((note) => (
          <li key={note.id} className="stack-sm">
            <NoteCard note={note} />
            <button
              type="button"
              className="btn btn-secondary"
              aria-label={t('moderation.restoreNamed', { text: note.text.slice(0, 60) })}
              onClick={() => onRestore(note.id)}
            >
              {t('moderation.restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
