/**
 * What a reflection step shows, in the reader's language: the step's prompts (its own copy, du or
 * ni form), with the pack's wording in the UI language where the facilitator did not reword them,
 * the section headings, and the source line.
 */
import { useMemo } from 'react';
import type { Localized } from '../../../../core/instruments/pack-parts';
import type { Prompt } from '../../../../core/instruments/prompts';
import { DEFAULT_REFLECTION_CONFIG, type ReflectionConfig } from '../../../../core/instruments/reflection';
import type { Step } from '../../../../core/workshop/agenda';
import { stepConfig } from '../../../../core/workshop/step-registry';
import { useLanguage } from '../../../i18n';
import { localizedCopy, readyPack, sourceLine, usePack } from '../packs/use-content-pack';

export interface ReflectionTexts {
  readonly config: ReflectionConfig;
  readonly prompts: readonly Prompt[];
  readonly source: string | null;
  readonly edited: boolean;
}

export function reflectionConfigOf(step: Step): ReflectionConfig {
  return stepConfig<ReflectionConfig>(step) ?? DEFAULT_REFLECTION_CONFIG;
}

export function useReflectionTexts(token: string | null, step: Step): ReflectionTexts {
  const config = useMemo(() => reflectionConfigOf(step), [step]);
  const lang = useLanguage();
  const pack = readyPack(usePack(token, config.source?.packId ?? null, 'reflections'));
  return useMemo(() => {
    const originals = new Map<string, { text: Localized; heading: Localized; source: string }>();
    for (const section of pack?.content.sections ?? []) {
      for (const p of section.prompts) originals.set(p.id, { text: p[config.form], heading: section.heading, source: p.source });
    }
    const prompts = config.prompts.map((p) => {
      const original = originals.get(p.id);
      const zone = p.zone ? localizedCopy(p.zone, original?.heading, lang) : undefined;
      return { id: p.id, text: localizedCopy(p.text, original?.text, lang), ...(zone ? { zone } : {}) };
    });
    const edited = config.prompts.some((p) => {
      const original = originals.get(p.id)?.text;
      return !original || (p.text !== original.sv && p.text !== original.en);
    });
    const first = config.prompts.map((p) => originals.get(p.id)).find(Boolean);
    return {
      config,
      prompts,
      source: pack && first ? sourceLine(pack, first.source, lang) : null,
      edited: pack !== null && edited,
    };
  }, [config, pack, lang]);
}
