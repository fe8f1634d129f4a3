import { useId, useMemo } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { PROMPTS_MAX } from '../../../../core/instruments/prompts';
import {
  DEFAULT_REFLECTION_CONFIG,
  REFLECTION_FORMS,
  ReflectionConfigSchema,
  reflectionConfigFromPack,
  switchForm,
  type ReflectionConfig,
  type ReflectionForm,
} from '../../../../core/instruments/reflection';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ConfigFieldsProps } from '../registry';
import { PromptEditor } from '../packs/prompt-editor';
import { SourceLine } from '../pack-support/source-line';
import { readyPack, sourceLine, usePacksOfKind } from '../packs/use-content-pack';
import './reflection.css';

function readConfig(config: Readonly<Record<string, unknown>>): ReflectionConfig {
  const parsed = ReflectionConfigSchema.safeParse({ ...DEFAULT_REFLECTION_CONFIG, ...config });
  return parsed.success ? parsed.data : { ...DEFAULT_REFLECTION_CONFIG, ...(config as Partial<ReflectionConfig>) };
}

/**
 * Planning a reflection: which sections of the prompt pack, du or ni form, anonymous or not, and
 * the step's own wording of each prompt (linked to the pack by id; the pack never changes).
 */
export default function ReflectionConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const formName = useId();
  const packs = usePacksOfKind(token, 'reflections');
  const config = readConfig(raw);
  const list = readyPack(packs) ?? [];
  const pack = list.find((p) => p.id === config.source?.packId) ?? list[0];
  const chosen = new Set(config.source?.itemId.split(',').filter(Boolean) ?? []);
  const set = (next: ReflectionConfig) => onChange({ ...raw, ...next });
  const packPromptIds = useMemo(() => new Set(pack?.content.sections.flatMap((s) => s.prompts.map((p) => p.id)) ?? []), [pack]);
  const originals = useMemo(() => {
    const all = pack?.content.sections.flatMap((s) => s.prompts) ?? [];
    const textLang = all.some((p) => config.prompts.some((c) => c.id === p.id && c.text === p[config.form].en)) ? 'en' : 'sv';
    return new Map(all.map((p) => [p.id, p[config.form][textLang]]));
  }, [pack, config.prompts, config.form]);

  function toggleSection(packOf: PackOf<'reflections'>, id: string, on: boolean): void {
    const ids = packOf.content.sections.map((s) => s.id).filter((s) => (s === id ? on : chosen.has(s)));
    const own = config.prompts.filter((p) => !packPromptIds.has(p.id));
    if (ids.length === 0) {
      set({ ...config, source: null, prompts: own });
      return;
    }
    const made = reflectionConfigFromPack(packOf, ids, config.form, lang, config.anonymous);
    if (made) set({ ...made, prompts: [...made.prompts, ...own].slice(0, PROMPTS_MAX) });
  }

  function setForm(form: ReflectionForm): void {
    set(pack ? switchForm(pack, config, form, lang) : { ...config, form });
  }

  return (
    <fieldset className="step-config instrument-config stack-sm" data-testid="reflection-config">
      <legend className="field-label">{t('reflection.config.legend')}</legend>
      {packs.status === 'loading' ? <Loading label={t('cloth.config.loadingPacks')} /> : null}
      {packs.status === 'failed' ? <p className="field-error">{t('cloth.config.packsFailed')}</p> : null}
      {pack ? (
        <fieldset className="prompt-editor stack-sm">
          <legend className="field-label">{t('reflection.config.sections', { title: pack.title[lang] })}</legend>
          <SourceLine text={sourceLine(pack, pack.source, lang)} />
          {pack.content.sections.map((section) => (
            <label key={section.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(section.id)}
                disabled={section.prompts.length === 0}
                onChange={(event) => toggleSection(pack, section.id, event.target.checked)}
              />
              <span>
                {t('reflection.config.section', { no: section.no, heading: section.heading[lang], count: section.prompts.length })}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="prompt-editor">
        <legend className="field-label">{t('reflection.config.form')}</legend>
        <div className="row">
          {REFLECTION_FORMS.map((form) => (
            <label key={form} className="checkbox">
              <input type="radio" name={formName} checked={config.form === form} onChange={() => setForm(form)} />
              {form === 'du' ? t('reflection.config.formDu') : t('reflection.config.formNi')}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={config.anonymous} onChange={(event) => set({ ...config, anonymous: event.target.checked })} />
        {t('reflection.config.anonymous')}
      </label>
      <PromptEditor
        legend={t('reflection.config.prompts', { max: PROMPTS_MAX })}
        prompts={config.prompts}
        originals={originals}
        max={PROMPTS_MAX}
        onChange={(prompts) => set({ ...config, prompts })}
      />
    </fieldset>
  );
}
