import { useCallback } from 'react';
import { addNote, type Note } from '../../../core/workshop/board';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useNotes } from '../../sync/use-doc-selector';
import { NoteComposer } from '../board/note-composer';
import { ModeratedNotes } from './moderated-notes';

export interface FreeBoardProps {
  readonly connection: SessionConnection;
  readonly online: boolean;
  readonly onHide: (note: Note) => void;
}

/** No step running: the open board everyone writes on (as before agendas existed). */
export function FreeBoard({ connection, online, onHide }: FreeBoardProps) {
  const t = useT();
  const notes = useNotes(connection.board);
  const send = useCallback(
    (text: string) => {
      addNote(connection.board, text, { role: 'facilitator', anonymous: false });
    },
    [connection],
  );
  return (
    <section className="stack" aria-label={t('run.freeBoard')}>
      <div>
        <p className="eyebrow">{t('run.freeBoard')}</p>
        <p className="muted">{t('run.freeBoardHint')}</p>
      </div>
      <NoteComposer
        draftScope={`${connection.sessionId}:facilitator`}
        onSend={send}
        online={online}
        size="normal"
        hint="device"
      />
      <ModeratedNotes notes={notes} onHide={onHide} />
    </section>
  );
}
