import { useCallback, useId, useMemo } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import { errorCodeOf } from '../../api/api-error';
import { sendPrivateNote } from '../../api/participant-api';
import { useT } from '../../i18n';
import { useNotes } from '../../sync/use-doc-selector';
import { Notice } from '../../ui/notice';
import { NoteComposer } from '../board/note-composer';
import { NotesList } from '../board/notes-list';
import { LockedNotice } from './locked-notice';
import { usePrivateAnswers } from './private-answers';
import { stepDraftScope, type ParticipantStepProps } from './step-context';
import { notesOfStep } from './step-notes';
import { useRevealed } from './use-workshop';

/**
 * Silent writing: everyone writes alone first. Notes go to the host privately (not onto the
 * board), the phone keeps a copy to read back, and nobody sees anyone else's until the reveal.
 */
export function SilentStep({ connection, record, step, run, groupId }: ParticipantStepProps) {
  const t = useT();
  const ti = useInstructions();
  const lockedId = useId();
  const headingId = useId();
  const revealed = useRevealed(connection.control, step.id);
  const scope = stepDraftScope(record, step.id);
  const [answers, addAnswer] = usePrivateAnswers(scope);
  const notes = useNotes(connection.board);
  const inGroups = step.groupMode === 'groups';
  const shown = useMemo(
    () => notesOfStep(notes, step, inGroups ? groupId : null),
    [notes, step, inGroups, groupId],
  );

  const send = useCallback(
    async (text: string): Promise<string | null> => {
      try {
        const saved = await sendPrivateNote(record.token, record.sessionId, step.id, text);
        addAnswer(saved);
        return null;
      } catch (failure) {
        const code = errorCodeOf(failure);
        if (code === 'network') return t('steps.silent.notSentOffline');
        if (code === 'step-closed') return t('steps.silent.notSentClosed');
        return t('steps.silent.notSent', { reason: t(`error.${code}`) });
      }
    },
    [record, step.id, addAnswer, t],
  );

  if (revealed) {
    return (
      <>
        <Notice tone="success" role="status">
          <p>{t('steps.silent.revealed')}</p>
        </Notice>
        <NotesList notes={shown} ownId={record.pseudonym} headingId={headingId} />
      </>
    );
  }
  return (
    <>
      {run.locked ? <LockedNotice id={lockedId} /> : null}
      <NoteComposer
        key={step.id}
        draftScope={scope}
        onSend={send}
        online
        locked={run.locked}
        lockedById={lockedId}
        sentText={t('steps.silent.sent')}
      />
      <section className="stack-sm" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('steps.silent.yourAnswers')}</h2>
        {answers.length === 0 ? (
          <p className="muted">{t('steps.silent.noAnswersYet')}</p>
        ) : (
          <ul className="plain-list notes-column" data-testid="private-answers">
            {answers.map((answer) => (
              <li key={answer.id} className="note-card is-own">
                <p className="note-text">{answer.text}</p>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{ti('steps.silent.othersLater')}</p>
      </section>
    </>
  );
}
