import { useId, useState } from 'react';
import { MIN_THRESHOLD, REWORDING_MAX, type SevenQuestionsConfig } from '../../../../core/instruments/seven-questions';
import { SEVEN_QUESTION_IDS, SIDES, type SevenQuestionId, type Side } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { ConfigFieldsProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { sevenConfig } from './use-seven-result';
import './seven-results.css';

/** Planning: which questions, the small-group threshold, rewordings per side (linked to the original), role "other". */
export default function SevenQuestionsConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = sevenConfig({ type: 'seven-questions', config: raw } as Parameters<typeof sevenConfig>[0]);
  const { pack } = useContentPack(token, config.packId, 'seven-questions');
  const thresholdId = useId();
  const [thresholdText, setThresholdText] = useState(String(config.threshold));
  const set = (next: Partial<SevenQuestionsConfig>) => onChange({ ...raw, ...next });
  // The texts as typed (the parsed config trims them, which would eat a space while typing).
  const typed = (typeof raw.overrides === 'object' && raw.overrides !== null ? raw.overrides : {}) as SevenQuestionsConfig['overrides'];
  if (!pack) return <Loading />;

  function toggle(id: SevenQuestionId, on: boolean): void {
    const chosen = new Set(config.questionIds);
    if (on) chosen.add(id);
    else if (chosen.size > 1) chosen.delete(id);
    set({ questionIds: SEVEN_QUESTION_IDS.filter((q) => chosen.has(q)) });
  }

  function reword(id: SevenQuestionId, side: Side, text: string): void {
    const current = { ...(typed[id] ?? {}) };
    if (text.trim()) current[side] = text.slice(0, REWORDING_MAX);
    else delete current[side];
    const overrides = { ...typed, [id]: current };
    if (!current.patient && !current.staff) delete overrides[id];
    set({ overrides });
  }

  return (
    <fieldset className="step-config stack-sm seven-config">
      <legend className="field-label">{t('sevenQuestions.config.legend')}</legend>
      <fieldset className="stack-sm">
        <legend className="field-label">{t('sevenQuestions.config.questions')}</legend>
        {pack.content.questions.map((q) => (
          <div key={q.id} className="seven-config-question">
            <label className="checkbox">
              <input type="checkbox" checked={config.questionIds.includes(q.id)} onChange={(e) => toggle(q.id, e.target.checked)} />
              {t('sevenQuestions.gap.questionTitle', { no: q.no, theme: q.theme[lang] })}
            </label>
            <details>
              <summary>{t('sevenQuestions.config.reword', { no: q.no })}</summary>
              {SIDES.map((side) => (
                <Reword key={side} label={t(`sevenQuestions.config.rewordSide.${side}`)} original={q[side][lang]} value={typed[q.id]?.[side] ?? ''} onChange={(text) => reword(q.id, side, text)} />
              ))}
            </details>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={thresholdId} className="field-label">{t('sevenQuestions.config.threshold')}</label>
        <span id={`${thresholdId}-hint`} className="field-hint">{t('sevenQuestions.config.thresholdHint', { count: MIN_THRESHOLD })}</span>
        <input
          id={thresholdId}
          className="input input-narrow"
          type="number"
          inputMode="numeric"
          min={MIN_THRESHOLD}
          max={50}
          aria-describedby={`${thresholdId}-hint`}
          value={thresholdText}
          onBlur={() => setThresholdText(String(config.threshold))}
          onChange={(e) => {
            setThresholdText(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= MIN_THRESHOLD && n <= 50) set({ threshold: n });
          }}
        />
      </div>
      <fieldset className="stack-sm">
        <legend className="field-label">{t('sevenQuestions.config.otherRole')}</legend>
        {(['choose', 'patient', 'staff'] as const).map((value) => (
          <label key={value} className="radio-option">
            <input type="radio" name={`${thresholdId}-other`} checked={config.otherRole === value} onChange={() => set({ otherRole: value })} />
            <span>{t(`sevenQuestions.config.other.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </fieldset>
  );
}

function Reword({ label, original, value, onChange }: { readonly label: string; readonly original: string; readonly value: string; readonly onChange: (text: string) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{label}</label>
      <textarea id={id} className="input" rows={3} maxLength={REWORDING_MAX} value={value} aria-describedby={`${id}-original`} onChange={(e) => onChange(e.target.value)} />
      <span id={`${id}-original`} className="field-hint">{t('sevenQuestions.originalWas', { text: original })}</span>
    </div>
  );
}
