import { useId, useMemo } from 'react';
import { questionTexts, wordingForRole } from '../../../../core/instruments/seven-questions';
import { ANSWERS, SIDES, type Side } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import { Notice } from '../../../ui/notice';
import type { ParticipantStepProps } from '../../steps/step-context';
import { useContentPack } from '../pack-support/use-content-pack';
import { useSevenAnswers, type SendStatus } from './use-seven-answers';
import { sevenConfig, useSevenResult } from './use-seven-result';

/**
 * The seven questions on the phone: a calm list, one question per card with four big choices.
 * Each change is kept on the phone and sent at once; the person can change an answer until the
 * facilitator shows the result. Nobody sees a single person's answers.
 */
export function SevenQuestionsParticipant({ connection, record, step, run, online }: ParticipantStepProps) {
  const t = useT();
  const lang = useLanguage();
  const config = useMemo(() => sevenConfig(step), [step]);
  const { pack, failed } = useContentPack(record.token, config.packId, 'seven-questions');
  const result = useSevenResult(connection.control, step.id);
  const wording = wordingForRole(record.role, config.otherRole);
  const fixedSide = wording === 'choose' ? null : wording;
  const { answers, side, status, setAnswer, chooseSide } = useSevenAnswers(record, step.id, fixedSide, online);
  const closed = result !== null || run.locked || status === 'closed';

  if (failed) return <Notice tone="error" role="alert"><p>{t('sevenQuestions.packFailed')}</p></Notice>;
  if (!pack) return <Loading />;
  const questions = side ? questionTexts(pack, config, side, lang) : [];
  const answered = questions.filter((q) => answers[q.id]).length;
  const scale = ANSWERS.map((id) => ({ id, label: pack.content.scale.find((s) => s.id === id)?.label[lang] ?? id }));

  return (
    <section className="stack sq-phone" aria-label={t('sevenQuestions.phoneHeading')}>
      <Notice tone="info" title={t('sevenQuestions.anonymousTitle')}>
        <p>{t('sevenQuestions.anonymousBody')}</p>
      </Notice>
      {result ? (
        <Notice tone="success" role="status" title={t('sevenQuestions.publishedTitle')}>
          <p>{t('sevenQuestions.publishedBody')}</p>
        </Notice>
      ) : run.locked ? (
        <Notice tone="warning" role="status"><p>{t('sevenQuestions.lockedBody')}</p></Notice>
      ) : null}
      {fixedSide === null ? <SideChooser side={side} disabled={closed} onChoose={chooseSide} /> : null}
      {side ? (
        <>
          <p className="sq-progress" data-testid="seven-progress">
            {t('sevenQuestions.progress', { count: answered, total: questions.length })}
          </p>
          <ol className="plain-list stack sq-questions">
            {questions.map((q, index) => (
              <li key={q.id}>
                <fieldset className="card sq-question" disabled={closed}>
                  <legend className="sq-legend">
                    <span className="sq-number">{t('sevenQuestions.questionOf', { no: index + 1, total: questions.length })}</span>
                    <span className="sq-text">{q.text}</span>
                  </legend>
                  <div className="sq-choices">
                    {scale.map((option) => (
                      <label key={option.id} className={`sq-choice sq-choice-${option.id}`}>
                        <input
                          type="radio"
                          name={`${step.id}-${q.id}`}
                          value={option.id}
                          checked={answers[q.id] === option.id}
                          onChange={() => setAnswer(q.id, option.id)}
                        />
                        <span>{option.label}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <StatusLine status={status} answered={answered} />
        </>
      ) : null}
    </section>
  );
}

function SideChooser({ side, disabled, onChoose }: { readonly side: Side | null; readonly disabled: boolean; readonly onChoose: (side: Side) => void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="card stack-sm sq-side" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend className="sq-legend">{t('sevenQuestions.chooseSide')}</legend>
      <p id={`${id}-hint`} className="muted">{t('sevenQuestions.chooseSideHint')}</p>
      <div className="sq-side-options">
        {SIDES.map((s) => (
          <button key={s} type="button" className={side === s ? 'btn btn-primary btn-large' : 'btn btn-secondary btn-large'} aria-pressed={side === s} onClick={() => onChoose(s)}>
            {t(`sevenQuestions.side.${s}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function StatusLine({ status, answered }: { readonly status: SendStatus; readonly answered: number }) {
  const t = useT();
  if (answered === 0 && status === 'idle') return null;
  const tone = status === 'waiting' || status === 'refused' || status === 'closed' ? 'sq-status sq-status-warning' : 'sq-status';
  return (
    <p className={tone} role="status" data-testid="seven-status">
      {t(`sevenQuestions.status.${status}`)}
    </p>
  );
}
