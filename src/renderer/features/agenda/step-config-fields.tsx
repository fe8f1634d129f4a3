import { useId, useState } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { stepType } from '../../../core/workshop/step-types';
import { useT } from '../../i18n';
import { TextField } from '../../ui/text-field';
import { stepTypeLabel } from './step-type-text';

export interface StepConfigFieldsProps {
  /** The step being edited (null when adding): it is not offered as its own source. */
  readonly stepId: string | null;
  readonly steps: readonly Step[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly onChange: (config: Record<string, unknown>) => void;
}

/**
 * The type's own settings, driven by the keys of its config (not by the type id), so a new step
 * type that reuses a known key (votes, stacking, source step) gets its fields for free.
 */
export function StepConfigFields({ stepId, steps, config, onChange }: StepConfigFieldsProps) {
  const t = useT();
  const set = (key: string, value: unknown) => onChange({ ...config, [key]: value });
  const votes = config.votesPerPerson;
  const stacking = config.allowStacking;
  const hasSource = 'sourceStepId' in config;
  if (typeof votes !== 'number' && typeof stacking !== 'boolean' && !hasSource) return null;
  return (
    <fieldset className="step-config stack-sm">
      <legend className="field-label">{t('agenda.form.configLegend')}</legend>
      {typeof votes === 'number' ? (
        <VotesField value={votes} onChange={(value) => set('votesPerPerson', value)} />
      ) : null}
      {typeof stacking === 'boolean' ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={stacking}
            onChange={(event) => set('allowStacking', event.target.checked)}
          />
          {t('agenda.form.allowStacking')}
        </label>
      ) : null}
      {hasSource ? (
        <SourceStepSelect
          stepId={stepId}
          steps={steps}
          value={typeof config.sourceStepId === 'string' ? config.sourceStepId : null}
          onChange={(value) => set('sourceStepId', value)}
        />
      ) : null}
    </fieldset>
  );
}

function SourceStepSelect({
  stepId,
  steps,
  value,
  onChange,
}: {
  readonly stepId: string | null;
  readonly steps: readonly Step[];
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const sources = steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.id !== stepId && stepType(step.type)?.acceptsNotes === true);
  const missing = value !== null && !steps.some((s) => s.id === value);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('agenda.form.sourceStep')}
      </label>
      <span id={hintId} className="field-hint">
        {t('agenda.form.sourceStepHint')}
      </span>
      <select
        id={id}
        className="input"
        aria-describedby={hintId}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('agenda.form.sourceAll')}</option>
        {sources.map(({ step, index }) => (
          <option key={step.id} value={step.id}>
            {t('agenda.form.sourceOption', {
              position: index + 1,
              type: stepTypeLabel(t, step.type),
              title: step.title,
            })}
          </option>
        ))}
        {missing ? <option value={value}>{t('agenda.form.sourceMissing')}</option> : null}
      </select>
    </div>
  );
}

/** Votes per person, 1–20: the text is the facilitator's while typing, the config only takes valid numbers. */
function VotesField({ value, onChange }: { readonly value: number; readonly onChange: (value: number) => void }) {
  const t = useT();
  const [text, setText] = useState(String(value));
  const number = Number(text);
  const valid = /^\d{1,2}$/.test(text.trim()) && number >= 1 && number <= 20;
  return (
    <TextField
      label={t('agenda.form.votesPerPerson')}
      hint={t('agenda.form.votesPerPersonHint')}
      error={valid ? null : t('agenda.form.votesInvalid')}
      type="number"
      inputMode="numeric"
      min={1}
      max={20}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const next = Number(event.target.value);
        if (Number.isInteger(next) && next >= 1 && next <= 20) onChange(next);
      }}
      onBlur={() => setText(String(value))}
      className="input-narrow"
    />
  );
}
