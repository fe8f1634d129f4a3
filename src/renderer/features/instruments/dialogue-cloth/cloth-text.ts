/**
 * What a dialogue-cloth step shows, in the reader's language: the step's own copy of the theme and
 * questions (stepConfig), with the pack's wording in the UI language where the facilitator did not
 * reword (the pack is data in sv and en), and the cloth's source line.
 */
import { useMemo } from 'react';
import { DEFAULT_DIALOGUE_CLOTH_CONFIG, type DialogueClothConfig } from '../../../../core/instruments/dialogue-cloth';
import type { Prompt } from '../../../../core/instruments/prompts';
import type { Step } from '../../../../core/workshop/agenda';
import { stepConfig } from '../../../../core/workshop/step-registry';
import { useLanguage } from '../../../i18n';
import { localizedCopy, readyPack, sourceLine, usePack } from '../packs/use-content-pack';

export interface ClothTexts {
  readonly config: DialogueClothConfig;
  readonly theme: string;
  readonly questions: readonly Prompt[];
  /** "Källa: …" of the pack cloth; null for the facilitator's own cloth or while loading. */
  readonly source: string | null;
  /** Some text differs from the pack's (the facilitator reworded it in this session). */
  readonly edited: boolean;
}

export function clothConfigOf(step: Step): DialogueClothConfig {
  return stepConfig<DialogueClothConfig>(step) ?? DEFAULT_DIALOGUE_CLOTH_CONFIG;
}

export function useClothTexts(token: string | null, step: Step): ClothTexts {
  const config = useMemo(() => clothConfigOf(step), [step]);
  const lang = useLanguage();
  const pack = readyPack(usePack(token, config.source?.packId ?? null, 'dialogue-cloths'));
  return useMemo(() => {
    const cloth = pack?.content.cloths.find((c) => c.id === config.source?.itemId);
    const originals = new Map(cloth?.questions.map((q) => [q.id, q]) ?? []);
    const questions = config.questions.map((q) => {
      const original = originals.get(q.id);
      const zone = q.zone ? localizedCopy(q.zone, original?.zone, lang) : undefined;
      return { id: q.id, text: localizedCopy(q.text, original?.text, lang), ...(zone ? { zone } : {}) };
    });
    const same = (stored: string, original: { sv: string; en: string } | undefined) =>
      original !== undefined && (stored === original.sv || stored === original.en);
    const edited =
      cloth !== undefined &&
      (!same(config.theme, cloth.theme) ||
        config.questions.length !== cloth.questions.length ||
        config.questions.some((q) => !same(q.text, originals.get(q.id)?.text)));
    return {
      config,
      theme: localizedCopy(config.theme, cloth?.theme, lang),
      questions,
      source: pack && cloth ? sourceLine(pack, cloth.source, lang) : null,
      edited,
    };
  }, [config, pack, lang]);
}
