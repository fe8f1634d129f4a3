import { useId, useMemo, useState } from 'react';
import { useT } from '../../../i18n';
import type { ConfigFieldsProps } from '../registry';
import { matrixConfig } from './matrix-data';

/** Planning: example activities, parity prompts, and how many marks make a cell count. */
export default function MatrixConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const id = useId();
  const config = useMemo(() => matrixConfig(raw), [raw]);
  const [text, setText] = useState(String(config.minMarks));
  const set = (patch: Record<string, unknown>) => onChange({ ...raw, ...patch });
  return (
    <fieldset className="step-config stack-sm">
      <legend className="field-label">{t('matrix.config.legend')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={config.showExamples} onChange={(e) => set({ showExamples: e.target.checked })} />
        {t('matrix.config.showExamples')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={config.showParity} onChange={(e) => set({ showParity: e.target.checked })} />
        {t('matrix.config.showParity')}
      </label>
      <div className="field">
        <label htmlFor={id} className="field-label">{t('matrix.config.minMarks')}</label>
        <span id={`${id}-hint`} className="field-hint">{t('matrix.config.minMarksHint')}</span>
        <input
          id={id}
          className="input input-narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          aria-describedby={`${id}-hint`}
          value={text}
          onBlur={() => setText(String(config.minMarks))}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 50) set({ minMarks: n });
          }}
        />
      </div>
    </fieldset>
  );
}
