import { useEffect, useId, useRef } from 'react';
import type { Prompt } from '../../../../core/instruments/prompts';
import type { Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { Button } from '../../../ui/button';
import { NoteComposer } from '../../board/note-composer';
import { NotesList } from '../../board/notes-list';
import { stepDraftScope, type ParticipantStepProps } from '../../steps/step-context';

/** Stands for "the theme itself" when a cloth has no questions: notes then go on the theme. */
export const THEME_QUESTION: Prompt = { id: '', text: '' };

interface Props extends ParticipantStepProps {
  readonly theme: string;
  readonly question: Prompt;
  readonly notes: readonly Note[];
  readonly lockedId: string;
  readonly onSend: (text: string) => void;
  /** Absent when there is nothing to go back to (a cloth with only a theme). */
  readonly onBack?: () => void;
}

/** One question of the cloth, alone on the phone: the question, the field, my group's notes on it. */
export function ClothQuestion({ record, step, run, online, groupId, theme, question, notes, lockedId, onSend, onBack }: Props) {
  const t = useT();
  const headingId = useId();
  const notesId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onTheme = question.id === '';
  const inGroups = step.groupMode === 'groups';

  // Opening a question moves focus to it, so a screen reader starts reading there.
  useEffect(() => {
    if (onBack) headingRef.current?.focus();
  }, [question.id, onBack]);

  return (
    <section className="cloth-question stack" aria-labelledby={headingId}>
      {onBack ? (
        <Button variant="quiet" className="cloth-back" onClick={onBack}>
          {t('cloth.backToQuestions')}
        </Button>
      ) : null}
      <div className="cloth-question-head stack-sm">
        <p className="eyebrow">{theme ? t('cloth.themeIs', { theme }) : t('cloth.themeLabel')}</p>
        {question.zone ? <p className="cloth-zone">{question.zone}</p> : null}
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="cloth-question-text">
          {onTheme ? theme || t('cloth.noTheme') : question.text}
        </h2>
      </div>
      <NoteComposer
        key={`${step.id}:${question.id}`}
        draftScope={`${stepDraftScope(record, step.id)}:${question.id || 'theme'}`}
        onSend={onSend}
        online={online}
        locked={run.locked}
        lockedById={lockedId}
        label={t('cloth.writeLabel')}
      />
      <NotesList
        notes={notes}
        ownId={record.pseudonym}
        headingId={notesId}
        heading={inGroups && groupId ? t('steps.groupNotesHeading') : t('cloth.roomNotesHeading')}
      />
    </section>
  );
}
