import { useCallback, useId, useMemo } from 'react';
import { addNote } from '../../../core/workshop/board';
import { useT } from '../../i18n';
import { useNotes } from '../../sync/use-doc-selector';
import { NoteComposer } from '../board/note-composer';
import { NotesList } from '../board/notes-list';
import { LockedNotice } from './locked-notice';
import { rememberSend } from './recent-sends';
import { authorOf, stepDraftScope, type ParticipantStepProps } from './step-context';
import { notesOfStep } from './step-notes';

/** Note board step: write to the question; read what the room (or my group) wrote. */
export function NoteStep({ connection, record, step, run, online, groupId }: ParticipantStepProps) {
  const t = useT();
  const headingId = useId();
  const lockedId = useId();
  const notes = useNotes(connection.board);
  const inGroups = step.groupMode === 'groups';
  const shown = useMemo(
    () => notesOfStep(notes, step, inGroups ? groupId : null),
    [notes, step, inGroups, groupId],
  );
  const send = useCallback(
    (text: string) => {
      rememberSend(text);
      addNote(connection.board, text, authorOf(record), Date.now(), {
        stepId: step.id,
        ...(inGroups && groupId ? { groupId } : {}),
      });
    },
    [connection, record, step.id, inGroups, groupId],
  );
  return (
    <>
      {run.locked ? <LockedNotice id={lockedId} /> : null}
      <NoteComposer
        key={step.id}
        draftScope={stepDraftScope(record, step.id)}
        onSend={send}
        online={online}
        locked={run.locked}
        lockedById={lockedId}
      />
      <NotesList
        notes={shown}
        ownId={record.pseudonym}
        headingId={headingId}
        {...(inGroups ? { heading: t('steps.groupNotesHeading') } : {})}
      />
    </>
  );
}
