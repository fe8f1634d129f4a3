import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useInstructions } from '../../../preferences/use-instruction';
import { addNote, type Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { useNotes } from '../../../sync/use-doc-selector';
import { Notice } from '../../../ui/notice';
import { LockedNotice } from '../../steps/locked-notice';
import { rememberSend } from '../../steps/recent-sends';
import { authorOf, type ParticipantStepProps } from '../../steps/step-context';
import { notesOfStep } from '../../steps/step-notes';
import { ClothQuestion, THEME_QUESTION } from './cloth-question';
import { useClothTexts } from './cloth-text';
import './cloth.css';

/**
 * The dialogue cloth on the phone: the theme on top, the questions as large cards under it. Tapping
 * a question opens it alone (one thing at a time): the question, the field, and what my group has
 * written on it. Notes go on the board with the question's id, in my group's cloth.
 */
export function ClothParticipant(props: ParticipantStepProps) {
  const { connection, record, step, run, groupId } = props;
  const t = useT();
  const ti = useInstructions();
  const lockedId = useId();
  const texts = useClothTexts(record.token, step);
  const notes = useNotes(connection.board);
  const inGroups = step.groupMode === 'groups';
  const shown = useMemo(() => notesOfStep(notes, step, inGroups ? groupId : null), [notes, step, inGroups, groupId]);
  const [openId, setOpenId] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const send = useCallback(
    (questionId: string | null) => (text: string) => {
      rememberSend(text);
      addNote(connection.board, text, authorOf(record), Date.now(), {
        stepId: step.id,
        ...(inGroups && groupId ? { groupId } : {}),
        ...(questionId ? { questionId } : {}),
      });
    },
    [connection, record, step.id, inGroups, groupId],
  );

  // Back on the list, focus returns to the card the person came from.
  useEffect(() => {
    if (openId !== null || returnTo.current === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-question="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [openId]);

  const byQuestion = (id: string): Note[] => shown.filter((n) => n.questionId === id);
  const noQuestions = texts.questions.length === 0;
  const open = noQuestions ? THEME_QUESTION : texts.questions.find((q) => q.id === openId);

  return (
    <div className="cloth-phone stack">
      {inGroups && !groupId ? (
        <Notice tone="info">
          <p>{ti('steps.noGroupYet')}</p>
        </Notice>
      ) : null}
      {run.locked ? <LockedNotice id={lockedId} /> : null}
      {open ? (
        <ClothQuestion
          {...props}
          theme={texts.theme}
          question={open}
          notes={noQuestions ? shown : byQuestion(open.id)}
          lockedId={lockedId}
          onSend={send(noQuestions ? null : open.id)}
          {...(noQuestions ? {} : { onBack: () => setOpenId(null) })}
        />
      ) : (
        <>
          <section className="cloth-theme-card" aria-labelledby={`${lockedId}-theme`}>
            <p className="eyebrow">{t('cloth.themeLabel')}</p>
            <h2 id={`${lockedId}-theme`} className="cloth-theme">
              {texts.theme || t('cloth.noTheme')}
            </h2>
          </section>
          <p className="cloth-howto">{t('cloth.pickQuestion')}</p>
          <ul ref={listRef} className="plain-list cloth-cards" data-testid="cloth-questions">
            {texts.questions.map((question) => {
              const count = byQuestion(question.id).length;
              return (
                <li key={question.id}>
                  <button
                    type="button"
                    className="cloth-card"
                    data-question={question.id}
                    onClick={() => {
                      returnTo.current = question.id;
                      setOpenId(question.id);
                    }}
                  >
                    {question.zone ? <span className="cloth-zone">{question.zone}</span> : null}
                    <span className="cloth-card-text">{question.text}</span>
                    <span className="cloth-card-count">
                      {inGroups ? t('cloth.groupCount', { count }) : t('cloth.roomCount', { count })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
