import {
  ComplexitySortingConfigSchema,
  DEFAULT_COMPLEXITY_CONFIG,
  HANDLING_MAX,
  type ComplexitySortingConfig,
} from '../../../../core/instruments/complexity';
import type { ComplexityDomain } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { TextAreaField } from '../../../ui/text-field';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ConfigFieldsProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { readyPack, sourceLine, usePack } from '../packs/use-content-pack';

function readConfig(config: Readonly<Record<string, unknown>>): ComplexitySortingConfig {
  const parsed = ComplexitySortingConfigSchema.safeParse({ ...DEFAULT_COMPLEXITY_CONFIG, ...config });
  return parsed.success ? parsed.data : DEFAULT_COMPLEXITY_CONFIG;
}

/**
 * Planning complexity sorting: the source step is the dialog's own field ("Vilka svar"); here the
 * facilitator may word the suggested handling per domain for their workplace. The pack's text stays
 * the default, and clearing a field goes back to it.
 */
export default function ComplexityConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = readConfig(raw);
  const pack = readyPack(usePack(token, config.packId, 'complexity'));
  if (!pack) return null;

  function setHandling(domain: ComplexityDomain, text: string, original: string): void {
    const overrides = { ...config.handlingOverrides };
    if (!text.trim() || text.trim() === original) delete overrides[domain];
    else overrides[domain] = text;
    onChange({ ...raw, handlingOverrides: overrides });
  }

  return (
    <fieldset className="step-config instrument-config stack-sm" data-testid="complexity-config">
      <legend className="field-label">{t('complexity.config.legend')}</legend>
      <p className="pack-intro">{pack.description[lang]}</p>
      <SourceLine text={sourceLine(pack, pack.source, lang)} />
      <details>
        <summary>{t('complexity.config.editHandling')}</summary>
        <div className="stack-sm">
          {pack.content.domains.map((domain) => (
            <TextAreaField
              key={domain.id}
              label={t('complexity.config.handlingFor', { domain: domain.label[lang] })}
              hint={config.handlingOverrides[domain.id] ? t('cloth.config.edited') : t('complexity.config.fromGuide')}
              value={config.handlingOverrides[domain.id] ?? domain.handling[lang]}
              maxLength={HANDLING_MAX}
              rows={3}
              onChange={(event) => setHandling(domain.id, event.target.value, domain.handling[lang])}
            />
          ))}
        </div>
      </details>
    </fieldset>
  );
}
