import { z } from 'zod';
import type { PackOf } from './content-pack';
import type { PackLanguage } from './pack-parts';
import { PromptListSchema, PromptSourceSchema } from './prompts';

/**
 * Reflection prompts, answered alone: each answer is a private note (the silent-writing mechanism
 * of issue #3: POST private-notes, kept in the facilitator-only vault) carrying the prompt's id as
 * its `questionId`, until the facilitator reveals the step to share in pairs, groups or the room.
 * With `anonymous`, the host writes those notes without name and id whoever wrote them; the role
 * stays, because comparing the patients' and the staff's reflections is the point of the method.
 */
export const REFLECTION_FORMS = ['du', 'ni'] as const;
export type ReflectionForm = (typeof REFLECTION_FORMS)[number];

export const ReflectionConfigSchema = z.object({
  /** The pack and the section the prompts came from (itemId = section id, or several joined by ","). */
  source: PromptSourceSchema,
  /** "du": one person reflects on their own work; "ni": a team reflects together. */
  form: z.enum(REFLECTION_FORMS),
  prompts: PromptListSchema,
  anonymous: z.boolean(),
});
export type ReflectionConfig = z.infer<typeof ReflectionConfigSchema>;

export const DEFAULT_REFLECTION_CONFIG: ReflectionConfig = { source: null, form: 'du', prompts: [], anonymous: false };

/**
 * A step config from pack sections (in the order given), in one form and language. Sections
 * without prompts (Del 2 §8–9) add nothing. Null when a section id is unknown.
 */
export function reflectionConfigFromPack(
  pack: PackOf<'reflections'>,
  sectionIds: readonly string[],
  form: ReflectionForm,
  lang: PackLanguage,
  anonymous = false,
): ReflectionConfig | null {
  const sections = sectionIds.map((id) => pack.content.sections.find((s) => s.id === id));
  if (sections.length === 0 || sections.some((s) => !s)) return null;
  const prompts = sections.flatMap((s) => s?.prompts.map((p) => ({ id: p.id, text: p[form][lang], zone: s.heading[lang] })) ?? []);
  return { source: { packId: pack.id, itemId: sectionIds.join(',') }, form, prompts, anonymous };
}

/** Switches a config between du and ni by reading the pack again; prompts the pack lacks are kept. */
export function switchForm(pack: PackOf<'reflections'>, config: ReflectionConfig, form: ReflectionForm, lang: PackLanguage): ReflectionConfig {
  const byId = new Map(pack.content.sections.flatMap((s) => s.prompts.map((p) => [p.id, p] as const)));
  const prompts = config.prompts.map((p) => {
    const original = byId.get(p.id);
    return original ? { ...p, text: original[form][lang] } : p;
  });
  return { ...config, form, prompts };
}
