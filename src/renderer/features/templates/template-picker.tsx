import { useCallback, useId } from 'react';
import type { TemplateSummary } from '../../../contracts/http';
import { listTemplates } from '../../api/facilitator-api';
import { useLanguage, useT } from '../../i18n';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { useAsync } from '../facilitator/use-async';
import { TemplateMeta, byLanguage } from './template-meta';
import './templates.css';

export interface TemplatePickerProps {
  readonly token: string;
  /** The chosen template's id, or null for an empty session. */
  readonly value: string | null;
  readonly onChange: (templateId: string | null) => void;
}

/** "Tom session" or a template, with its description, length, step count and source. */
export function TemplatePicker({ token, value, onChange }: TemplatePickerProps) {
  const t = useT();
  const language = useLanguage();
  const name = useId();
  const load = useCallback(() => listTemplates(token), [token]);
  const [state] = useAsync(load);
  const { own, other } = state.kind === 'ready' ? byLanguage(state.value, language) : { own: [], other: [] };
  const option = (template: TemplateSummary, showLanguage: boolean) => (
    <TemplateOption
      key={template.id}
      name={name}
      template={template}
      checked={value === template.id}
      onSelect={() => onChange(template.id)}
      showLanguage={showLanguage}
    />
  );
  return (
    <fieldset className="template-picker">
      <legend className="field-label">{t('templates.pickLegend')}</legend>
      <div className="template-options">
        <label className="template-option">
          <input type="radio" name={name} value="" checked={value === null} onChange={() => onChange(null)} />
          <span className="template-option-text">
            <span className="template-title">{t('templates.empty')}</span>
            <span className="small muted">{t('templates.emptyHint')}</span>
          </span>
        </label>
        {own.map((template) => option(template, false))}
      </div>
      {state.kind === 'loading' ? <Loading label={t('templates.loading')} /> : null}
      {state.kind === 'error' ? (
        <Notice tone="warning">
          <p>{t('templates.loadFailed')}</p>
        </Notice>
      ) : null}
      {other.length > 0 ? (
        <>
          <p className="template-group-heading">{t('templates.otherLanguages')}</p>
          <div className="template-options">{other.map((template) => option(template, true))}</div>
        </>
      ) : null}
    </fieldset>
  );
}

function TemplateOption({
  name,
  template,
  checked,
  onSelect,
  showLanguage,
}: {
  readonly name: string;
  readonly template: TemplateSummary;
  readonly checked: boolean;
  readonly onSelect: () => void;
  readonly showLanguage: boolean;
}) {
  return (
    <label className="template-option">
      <input type="radio" name={name} value={template.id} checked={checked} onChange={onSelect} />
      <span className="template-option-text">
        <span className="template-title" lang={template.lang}>
          {template.title}
        </span>
        {template.description ? (
          <span className="template-description small" lang={template.lang}>
            {template.description}
          </span>
        ) : null}
        <TemplateMeta template={template} showLanguage={showLanguage} />
      </span>
    </label>
  );
}
