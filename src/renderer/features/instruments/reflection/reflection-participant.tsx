import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useInstructions } from '../../../preferences/use-instruction';
import type { Prompt } from '../../../../core/instruments/prompts';
import type { Note } from '../../../../core/workshop/board';
import { errorCodeOf } from '../../../api/api-error';
import { sendPrivateAnswer } from '../../../api/participant-api';
import { useT } from '../../../i18n';
import { useNotes } from '../../../sync/use-doc-selector';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { NoteComposer } from '../../board/note-composer';
import { NotesList } from '../../board/notes-list';
import { LockedNotice } from '../../steps/locked-notice';
import { usePrivateAnswers } from '../../steps/private-answers';
import { stepDraftScope, type ParticipantStepProps } from '../../steps/step-context';
import { notesOfStep } from '../../steps/step-notes';
import { useRevealed } from '../../steps/use-workshop';
import { useReflectionTexts } from './reflection-text';
import './reflection.css';

/**
 * Reflection on the phone: one prompt at a time, answered alone. Answers go privately to the host
 * (with the prompt's id) and the phone keeps a copy; after the facilitator reveals, everyone reads
 * the answers per prompt.
 */
export function ReflectionParticipant(props: ParticipantStepProps) {
  const { connection, record, step } = props;
  const t = useT();
  const revealed = useRevealed(connection.control, step.id);
  const texts = useReflectionTexts(record.token, step);
  if (texts.prompts.length === 0) {
    return (
      <Notice tone="info">
        <p>{t('reflection.noPrompts')}</p>
      </Notice>
    );
  }
  return revealed ? <Shared {...props} prompts={texts.prompts} /> : <Writing {...props} prompts={texts.prompts} anonymous={texts.config.anonymous} />;
}

interface WithPrompts extends ParticipantStepProps {
  readonly prompts: readonly Prompt[];
}

function Writing({ record, step, run, prompts, anonymous }: WithPrompts & { readonly anonymous: boolean }) {
  const t = useT();
  const ti = useInstructions();
  const lockedId = useId();
  const headingId = useId();
  const answersId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const [wanted, setIndex] = useState(0);
  const index = Math.min(wanted, prompts.length - 1);
  const prompt = prompts[index] as Prompt;
  const scope = `${stepDraftScope(record, step.id)}:${prompt.id}`;
  const [answers, addAnswer] = usePrivateAnswers(scope);

  // Moving to another prompt moves focus to it (not on first showing the step).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index]);
  const go = (next: number) => {
    moved.current = true;
    setIndex(next);
  };

  const send = useCallback(
    async (text: string): Promise<string | null> => {
      try {
        addAnswer(await sendPrivateAnswer(record.token, record.sessionId, step.id, text, prompt.id));
        return null;
      } catch (failure) {
        const code = errorCodeOf(failure);
        if (code === 'network') return t('steps.silent.notSentOffline');
        if (code === 'step-closed') return t('steps.silent.notSentClosed');
        return t('steps.silent.notSent', { reason: t(`error.${code}`) });
      }
    },
    [record, step.id, prompt.id, addAnswer, t],
  );

  return (
    <div className="reflection-phone stack">
      <p className="reflection-alone">{t('reflection.alone')}</p>
      {anonymous && !record.anonymous ? <p className="anonymous-line">{ti('board.anonymousNotice')}</p> : null}
      {run.locked ? <LockedNotice id={lockedId} /> : null}
      <section className="reflection-prompt stack" aria-labelledby={headingId}>
        <div className="stack-sm">
          {prompts.length > 1 ? (
            <p className="eyebrow" data-testid="reflection-progress">
              {t('reflection.progress', { number: index + 1, count: prompts.length })}
            </p>
          ) : null}
          {prompt.zone ? <p className="reflection-zone">{prompt.zone}</p> : null}
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="reflection-prompt-text">
            {prompt.text}
          </h2>
        </div>
        <NoteComposer
          key={scope}
          draftScope={scope}
          onSend={send}
          online
          locked={run.locked}
          lockedById={lockedId}
          label={t('reflection.answerLabel')}
          sentText={t('steps.silent.sent')}
        />
        <section className="stack-sm" aria-labelledby={answersId}>
          <h3 id={answersId}>{t('reflection.yourAnswers')}</h3>
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
        </section>
      </section>
      {prompts.length > 1 ? (
        <nav className="reflection-nav" aria-label={t('reflection.navLabel')}>
          <Button variant="secondary" size="large" disabled={index === 0} onClick={() => go(index - 1)}>
            {t('reflection.previous')}
          </Button>
          <Button variant="secondary" size="large" disabled={index === prompts.length - 1} onClick={() => go(index + 1)}>
            {t('reflection.next')}
          </Button>
        </nav>
      ) : null}
      <p className="muted small">{ti('steps.silent.othersLater')}</p>
    </div>
  );
}

function Shared({ connection, record, step, groupId, prompts }: WithPrompts) {
  const t = useT();
  const notes = useNotes(connection.board);
  const inGroups = step.groupMode === 'groups';
  const shown = useMemo(() => notesOfStep(notes, step, inGroups ? groupId : null), [notes, step, inGroups, groupId]);
  const ids = new Set(prompts.map((p) => p.id));
  const other = shown.filter((n) => !n.questionId || !ids.has(n.questionId));
  return (
    <div className="reflection-phone stack" data-testid="reflection-shared">
      <Notice tone="success" role="status">
        <p>{t('steps.silent.revealed')}</p>
      </Notice>
      {prompts.map((prompt) => (
        <PromptAnswers
          key={prompt.id}
          heading={prompt.text}
          notes={shown.filter((n) => n.questionId === prompt.id)}
          ownId={record.pseudonym}
        />
      ))}
      {other.length > 0 ? <PromptAnswers heading={t('reflection.otherAnswers')} notes={other} ownId={record.pseudonym} /> : null}
    </div>
  );
}

function PromptAnswers({ heading, notes, ownId }: { readonly heading: string; readonly notes: readonly Note[]; readonly ownId: string }) {
  const headingId = useId();
  return <NotesList notes={notes} ownId={ownId} headingId={headingId} heading={heading} />;
}
