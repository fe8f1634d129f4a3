import { z } from 'zod';

/**
 * A question as a step stores it: the text in the session's language, with the id of the pack item
 * it came from. Dialogue cloths and reflections copy their questions into the step's config when
 * the facilitator picks them, so a session file reads the same whatever happens to the packs later,
 * and a facilitator's edit is just a new `text` under the same id — still linked to the original.
 */
export const PROMPT_TEXT_MAX = 600;
export const PROMPTS_MAX = 20;

export const PromptIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export const PromptSchema = z.object({
  id: PromptIdSchema,
  text: z.string().trim().min(1).max(PROMPT_TEXT_MAX),
  /** The part of a cloth the question sits in ("Vårdmöte"), if any. */
  zone: z.string().trim().max(100).optional(),
});
export type Prompt = z.infer<typeof PromptSchema>;

/** Where a step's prompts came from: the pack and the item picked (null for the facilitator's own). */
export const PromptSourceSchema = z.object({ packId: z.string().max(60), itemId: z.string().max(60) }).nullable();
export type PromptSource = z.infer<typeof PromptSourceSchema>;

/** A list of prompts with unique ids (notes refer to them by id). */
export const PromptListSchema = z
  .array(PromptSchema)
  .max(PROMPTS_MAX)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'prompt ids must be unique');

/** Replaces the text of one prompt, keeping its id (and so the link to the pack). */
export function rewordPrompt(prompts: readonly Prompt[], id: string, text: string): Prompt[] {
  return prompts.map((p) => (p.id === id ? { ...p, text: text.trim() } : p));
}

/** Which prompts differ from the texts they were copied from (the renderer marks them as edited). */
export function editedPromptIds(prompts: readonly Prompt[], originals: ReadonlyMap<string, string>): string[] {
  return prompts.filter((p) => originals.has(p.id) && originals.get(p.id) !== p.text).map((p) => p.id);
}

/** An id for a question the facilitator writes: "egen-1", "egen-2", … not clashing with the list. */
export function customPromptId(prompts: readonly Prompt[]): string {
  const taken = new Set(prompts.map((p) => p.id));
  let n = 1;
  while (taken.has(`egen-${n}`)) n += 1;
  return `egen-${n}`;
}
