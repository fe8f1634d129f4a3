import { useId, useMemo } from 'react';
import {
  CLOTH_QUESTIONS_MAX,
  DEFAULT_DIALOGUE_CLOTH_CONFIG,
  DialogueClothConfigSchema,
  THEME_MAX,
  clothConfigFromPack,
  type DialogueClothConfig,
} from '../../../../core/instruments/dialogue-cloth';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import { TextField } from '../../../ui/text-field';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ConfigFieldsProps } from '../registry';
import { PromptEditor } from '../packs/prompt-editor';
import { SourceLine } from '../pack-support/source-line';
import { readyPack, sourceLine, usePacksOfKind } from '../packs/use-content-pack';

/** A draft config as the cloth's schema reads it; a half-typed one keeps its fields as they are. */
function readConfig(config: Readonly<Record<string, unknown>>): DialogueClothConfig {
  const parsed = DialogueClothConfigSchema.safeParse({ ...DEFAULT_DIALOGUE_CLOTH_CONFIG, ...config });
  if (parsed.success) return parsed.data;
  return { ...DEFAULT_DIALOGUE_CLOTH_CONFIG, ...(config as Partial<DialogueClothConfig>) };
}

/**
 * Planning a dialogue cloth: pick a cloth from the packs (or start an own one), then word the theme
 * and questions for this session. The step keeps its link to the pack cloth; the pack never changes.
 */
export default function ClothConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const lang = useLanguage();
  const selectId = useId();
  const token = useFacilitatorToken();
  const packs = usePacksOfKind(token, 'dialogue-cloths');
  const config = readConfig(raw);
  const list = readyPack(packs) ?? [];
  const chosen = config.source ? `${config.source.packId}/${config.source.itemId}` : '';
  const pack = list.find((p) => p.id === config.source?.packId);
  const cloth = pack?.content.cloths.find((c) => c.id === config.source?.itemId);
  const originals = useMemo(() => {
    const textLang = cloth && cloth.theme.en === config.theme ? 'en' : 'sv';
    return new Map(cloth?.questions.map((q) => [q.id, q.text[textLang]]) ?? []);
  }, [cloth, config.theme]);
  const set = (next: DialogueClothConfig) => onChange({ ...raw, ...next });

  function choose(value: string): void {
    if (!value) {
      set({ ...config, source: null });
      return;
    }
    const [packId, clothId] = value.split('/');
    const from = list.find((p) => p.id === packId);
    const made = from && clothId ? clothConfigFromPack(from, clothId, lang) : null;
    if (made) set(made);
  }

  return (
    <fieldset className="step-config instrument-config stack-sm" data-testid="cloth-config">
      <legend className="field-label">{t('cloth.config.legend')}</legend>
      {packs.status === 'loading' ? <Loading label={t('cloth.config.loadingPacks')} /> : null}
      {packs.status === 'failed' ? <p className="field-error">{t('cloth.config.packsFailed')}</p> : null}
      <div className="field">
        <label htmlFor={selectId} className="field-label">
          {t('cloth.config.choose')}
        </label>
        <select id={selectId} className="input" value={chosen} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('cloth.config.own')}</option>
          {list.map((p) => (
            <optgroup key={p.id} label={p.title[lang]}>
              {p.content.cloths.map((c) => (
                <option key={c.id} value={`${p.id}/${c.id}`}>
                  {t('cloth.config.option', { theme: c.theme[lang], count: c.questions.length })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {cloth && pack ? (
        <div className="stack-sm">
          <p className="pack-intro">{cloth.intro[lang]}</p>
          <SourceLine text={sourceLine(pack, cloth.source, lang)} />
        </div>
      ) : null}
      <TextField
        label={t('cloth.config.theme')}
        hint={t('cloth.config.themeHint')}
        value={config.theme}
        maxLength={THEME_MAX}
        onChange={(event) => set({ ...config, theme: event.target.value })}
      />
      <PromptEditor
        legend={t('cloth.config.questions', { max: CLOTH_QUESTIONS_MAX })}
        prompts={config.questions}
        originals={originals}
        max={CLOTH_QUESTIONS_MAX}
        onChange={(questions) => set({ ...config, questions })}
      />
    </fieldset>
  );
}
