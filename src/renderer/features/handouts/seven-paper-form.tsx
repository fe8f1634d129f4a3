import { useId, useMemo, useState, type FormEvent } from 'react';
import { questionTexts } from '../../../core/instruments/seven-questions';
import type { AnswerSet } from '../../../core/instruments/seven-questions';
import { SIDES } from '../../../core/instruments/vocabulary';
import type { Answer, Side } from '../../../core/instruments/vocabulary';
import type { Step } from '../../../core/workshop/agenda';
import { errorCodeOf } from '../../api/api-error';
import { useLanguage, useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { useContentPack } from '../instruments/pack-support/use-content-pack';
import { sevenConfig, useSevenResult } from '../instruments/seven-questions/use-seven-result';
import { addPaperAnswers } from './handouts-api';
import { ErrorLine } from '../../ui/error-line';

export interface SevenPaperFormProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly token: string | null;
}

/**
 * One paper seven-questions form typed in: the side the form was for, then a tick per question,
 * as on paper. Saved as an anonymous paper respondent; counted when the results are published.
 * On a refusal the ticks stay, so nothing typed is lost.
 */
export function SevenPaperForm({ connection, step, token }: SevenPaperFormProps) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const baseId = useId();
  const config = sevenConfig(step);
  const { pack, failed } = useContentPack(token, config.packId, 'seven-questions');
  const published = useSevenResult(connection.control, step.id) !== null;
  const [side, setSide] = useState<Side>('patient');
  const [answers, setAnswers] = useState<AnswerSet>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questions = useMemo(() => (pack ? questionTexts(pack, config, side, lang) : []), [pack, config, side, lang]);

  if (published) return <Notice title={t('handouts.paper.publishedTitle')}>{t('handouts.paper.publishedBody')}</Notice>;
  if (failed) return <Notice tone="warning">{t('sevenQuestions.packFailed')}</Notice>;
  if (!pack) return null;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    if (Object.keys(answers).length === 0) return setError(t('handouts.paper.nothingTicked'));
    setBusy(true);
    setError(null);
    try {
      const saved = await addPaperAnswers(token, connection.sessionId, { kind: 'seven-questions', stepId: step.id, side, answers });
      setAnswers({});
      announce(t('handouts.paper.sevenSaved', { count: saved.paperRespondents }));
    } catch (failure) {
      setError(t(`error.${errorCodeOf(failure)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack-sm paper-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="paper-choice">
        <legend className="field-label">{t('handouts.paper.sideLegend')}</legend>
        {SIDES.map((s) => (
          <label key={s} className="paper-option">
            <input type="radio" name={`${baseId}-side`} value={s} checked={side === s} onChange={() => setSide(s)} />
            {t(`sevenQuestions.side.${s}`)}
          </label>
        ))}
      </fieldset>
      {questions.map((q) => (
        <fieldset key={q.id} className="paper-choice">
          <legend>
            <span className="paper-no">{q.no}.</span> {q.text}
          </legend>
          <div className="paper-options">
            {pack.content.scale.map((option) => (
              <label key={option.id} className="paper-option">
                <input
                  type="radio"
                  name={`${baseId}-${q.id}`}
                  value={option.id}
                  checked={answers[q.id] === option.id}
                  onChange={() => setAnswers((current) => ({ ...current, [q.id]: option.id as Answer }))}
                />
                {option.label[lang]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <ErrorLine error={error} />
      <div className="row">
        <Button type="submit" variant="secondary" busy={busy} disabled={!token}>
          {t('handouts.paper.saveForm')}
        </Button>
        <Button variant="quiet" onClick={() => setAnswers({})} disabled={Object.keys(answers).length === 0}>
          {t('handouts.paper.clear')}
        </Button>
      </div>
    </form>
  );
}
