import { packOfKind } from '../../../core/instruments/content-pack';
import type { ContentPack, PackOf } from '../../../core/instruments/content-pack';
import { DialogueClothConfigSchema } from '../../../core/instruments/dialogue-cloth';
import type { PackLanguage } from '../../../core/instruments/pack-parts';
import { ReflectionConfigSchema } from '../../../core/instruments/reflection';
import type { ReflectionForm } from '../../../core/instruments/reflection';
import { DEFAULT_SEVEN_QUESTIONS_CONFIG, SevenQuestionsConfigSchema, questionTexts } from '../../../core/instruments/seven-questions';
import type { SevenQuestionsConfig } from '../../../core/instruments/seven-questions';
import { SIDES } from '../../../core/instruments/vocabulary';
import type { Side } from '../../../core/instruments/vocabulary';
import type { Step } from '../../../core/workshop/agenda';

/**
 * What a printed handout says, apart from how it is drawn: built from a session's step (the words
 * the facilitator chose, rewordings included) or straight from a content pack (for printing ahead
 * of any session). The drawing lives in the *-handout.ts files next to this one.
 */
export interface ClothHandout {
  readonly kind: 'dialogue-cloth';
  readonly title: string;
  readonly theme: string;
  readonly questions: readonly { readonly text: string; readonly zone?: string }[];
  /** "Källa: …" of the cloth; null for the facilitator's own cloth. */
  readonly source: string | null;
}

export interface SevenQuestionsHandout {
  readonly kind: 'seven-questions';
  readonly title: string;
  readonly forms: readonly { readonly side: Side; readonly questions: readonly { readonly no: number; readonly text: string }[] }[];
  /** The answer boxes, in the pack's order (Ja, Delvis, Nej, Vet inte). */
  readonly scale: readonly string[];
  readonly source: string;
}

export interface ReflectionHandout {
  readonly kind: 'reflection';
  readonly title: string;
  readonly sections: readonly { readonly heading: string | null; readonly prompts: readonly string[] }[];
  readonly source: string | null;
}

export type Handout = ClothHandout | SevenQuestionsHandout | ReflectionHandout;

/** The instrument step types that have a handout. */
export const HANDOUT_STEP_TYPES = ['dialogue-cloth', 'seven-questions', 'reflection'] as const;

export function hasHandout(stepType: string): boolean {
  return (HANDOUT_STEP_TYPES as readonly string[]).includes(stepType);
}

/** Looks a pack up by id; undefined when the host has no such pack (a hand-made step). */
export type PackLookup = (id: string) => ContentPack | undefined;

/**
 * The handout of an agenda step, in the step's own words. Null when the step's type has no
 * handout or its config does not parse (a step saved by a newer version).
 */
export function handoutOfStep(step: Step, packs: PackLookup, lang: PackLanguage): Handout | null {
  switch (step.type) {
    case 'dialogue-cloth': {
      const config = DialogueClothConfigSchema.safeParse(step.config);
      if (!config.success) return null;
      const pack = config.data.source ? packOfKind(packs(config.data.source.packId), 'dialogue-cloths') : null;
      const cloth = pack?.content.cloths.find((c) => c.id === config.data.source?.itemId);
      return {
        kind: 'dialogue-cloth',
        title: step.title,
        theme: config.data.theme || step.title,
        questions: config.data.questions.map((q) => ({ text: q.text, ...(q.zone ? { zone: q.zone } : {}) })),
        source: pack && cloth ? sourceLine(pack, cloth.source, lang) : null,
      };
    }
    case 'seven-questions': {
      const config = SevenQuestionsConfigSchema.safeParse(step.config);
      const pack = config.success ? packOfKind(packs(config.data.packId), 'seven-questions') : null;
      if (!config.success || !pack) return null;
      return sevenQuestionsHandout(pack, config.data, lang, step.title);
    }
    case 'reflection': {
      const config = ReflectionConfigSchema.safeParse(step.config);
      if (!config.success) return null;
      const pack = config.data.source ? packOfKind(packs(config.data.source.packId), 'reflections') : null;
      return {
        kind: 'reflection',
        title: step.title,
        sections: groupByZone(config.data.prompts),
        source: pack ? sourceLine(pack, pack.source, lang) : null,
      };
    }
    default:
      return null;
  }
}

/**
 * The handouts of a pack on its own: every cloth of a cloth pack (one page each), the seven
 * questions with the pack's wording, or every reflection section in the chosen form.
 */
export function handoutsOfPack(pack: ContentPack, lang: PackLanguage, form: ReflectionForm = 'du'): Handout[] {
  switch (pack.kind) {
    case 'dialogue-cloths':
      // No title line: the pack's title ("Dialogdukar") says nothing the cloth's theme does not.
      return pack.content.cloths.map((cloth) => ({
        kind: 'dialogue-cloth',
        title: '',
        theme: cloth.theme[lang],
        questions: cloth.questions.map((q) => ({ text: q.text[lang], ...(q.zone ? { zone: q.zone[lang] } : {}) })),
        source: sourceLine(pack, cloth.source, lang),
      }));
    case 'seven-questions':
      return [sevenQuestionsHandout(pack, DEFAULT_SEVEN_QUESTIONS_CONFIG, lang, pack.title[lang])];
    case 'reflections':
      return [
        {
          kind: 'reflection',
          title: pack.title[lang],
          sections: pack.content.sections
            .filter((s) => s.prompts.length > 0)
            .map((s) => ({ heading: `${s.no}. ${s.heading[lang]}`, prompts: s.prompts.map((p) => p[form][lang]) })),
          source: sourceLine(pack, pack.source, lang),
        },
      ];
    default:
      return [];
  }
}

function sevenQuestionsHandout(pack: PackOf<'seven-questions'>, config: SevenQuestionsConfig, lang: PackLanguage, title: string): SevenQuestionsHandout {
  return {
    kind: 'seven-questions',
    title,
    forms: SIDES.map((side) => ({ side, questions: questionTexts(pack, config, side, lang).map((q) => ({ no: q.no, text: q.text })) })),
    scale: pack.content.scale.map((s) => s.label[lang]),
    source: sourceLine(pack, pack.source, lang),
  };
}

/** Consecutive prompts with the same zone (the section heading) under one heading. */
function groupByZone(prompts: readonly { readonly text: string; readonly zone?: string }[]): ReflectionHandout['sections'] {
  const sections: { heading: string | null; prompts: string[] }[] = [];
  for (const prompt of prompts) {
    const heading = prompt.zone ?? null;
    const last = sections[sections.length - 1];
    if (last && last.heading === heading) last.prompts.push(prompt.text);
    else sections.push({ heading, prompts: [prompt.text] });
  }
  return sections;
}

/** "Källa: SKR, Ett steg till, 2022": the printed line, without the seed line numbers. */
function sourceLine(pack: Pick<ContentPack, 'sources'>, key: string, lang: PackLanguage): string {
  return pack.sources[key]?.[lang] ?? key;
}
