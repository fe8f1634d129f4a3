import type { TemplateSummary } from '../../../contracts/http';
import { useT } from '../../i18n';
import { formatMinutes } from '../agenda/step-type-text';

/** "45 min · 6 steg · Svenska", then "Källa: …" when the template names one. */
export function TemplateMeta({
  template,
  showLanguage = false,
}: {
  readonly template: TemplateSummary;
  readonly showLanguage?: boolean;
}) {
  const t = useT();
  const parts = [
    formatMinutes(t, template.minutes),
    t('templates.stepCount', { count: template.stepCount }),
    showLanguage ? t(`language.${template.lang}`) : null,
    template.builtIn ? t('templates.builtIn') : t('templates.saved'),
  ].filter((part): part is string => part !== null);
  return (
    <>
      <span className="template-meta small">{parts.join(' · ')}</span>
      {template.source ? (
        <span className="template-source small">{t('templates.source', { source: template.source })}</span>
      ) : null}
    </>
  );
}

/** Templates in the UI language first (in the host's order), then the others. */
export function byLanguage(
  templates: readonly TemplateSummary[],
  language: TemplateSummary['lang'],
): { readonly own: TemplateSummary[]; readonly other: TemplateSummary[] } {
  return {
    own: templates.filter((tpl) => tpl.lang === language),
    other: templates.filter((tpl) => tpl.lang !== language),
  };
}
