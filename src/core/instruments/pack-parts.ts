import { z } from 'zod';

/**
 * Building blocks of the content-pack schema (content-pack.ts): bilingual text, item ids and the
 * provenance every instrument item carries. Kept apart so each kind's schema reads short.
 */

/** Longest single text in a pack; a persona's situation is the longest we ship (~600 characters). */
export const PACK_TEXT_MAX = 2000;

const Text = z.string().trim().min(1).max(PACK_TEXT_MAX);

/**
 * A text in Swedish and English. Both are required: the schema itself is the rule that every sv
 * text has an en counterpart (and the reverse), so a half-translated pack never loads.
 */
export const LocalizedSchema = z.strictObject({ sv: Text, en: Text });
export type Localized = z.infer<typeof LocalizedSchema>;

export type PackLanguage = keyof Localized;

/** Stable ids of pack items: they end up in session files (configs, notes), so never rename one. */
export const PackItemIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40');

/**
 * Where in the seed texts an item comes from: `<seed file> L<line>[–<line>]`, several joined by
 * "; " or ", ", e.g. "001 L218" or "002 L6–10; 003 L4204–4213". The seeds are the documents in
 * ../shared/seeds (numbered 000–004).
 */
export const RefSchema = z
  .string()
  .max(200)
  .regex(/^\d{3} L\d+(?:[–-]\d+)?(?:(?:, |; )(?:\d{3} )?L\d+(?:[–-]\d+)?)*$/, 'a seed reference like "001 L218" or "002 L6–10; 003 L4204"');

/**
 * How close to the source the wording is:
 * - `quoted`: the source's words (typos corrected, listed in the pack's `corrections`; the source's
 *   inline "du/ni" split into its two forms);
 * - `adapted`: the source's content reworded (a statement turned into a question, a form the source
 *   does not print, a list condensed, our own Swedish for a text that exists in English only);
 * - `authored`: written for Samskapa, grounded in the cited lines (e.g. the example personas).
 * The basis describes the text in the source's language; the other language is always our
 * translation, written to read naturally rather than word for word.
 */
export const BasisSchema = z.enum(['quoted', 'adapted', 'authored']);
export type Basis = z.infer<typeof BasisSchema>;

/** Spread into every item schema: the key of one of the pack's `sources`, the lines, the basis. */
export const provenance = {
  source: PackItemIdSchema,
  ref: RefSchema,
  basis: BasisSchema,
};

export interface Provenance {
  readonly source: string;
  readonly ref: string;
  readonly basis: Basis;
}

/** A plain item: a text with its provenance (criteria, checklist steps, how-to steps). */
export const TextItemSchema = z.strictObject({ id: PackItemIdSchema, text: LocalizedSchema, ...provenance });
export type TextItem = z.infer<typeof TextItemSchema>;

/** A cited document. `sv`/`en` are the citation lines shown with every item ("Källa: …"). */
export const PackSourceSchema = z.strictObject({
  sv: Text,
  en: Text,
  /** The seed file the line numbers of `ref` point into. */
  seed: z.string().regex(/^\d{3}$/),
});
export type PackSource = z.infer<typeof PackSourceSchema>;

/** A deliberate correction of the source's wording (typos, OCR slips). */
export const CorrectionSchema = z.strictObject({
  ref: RefSchema,
  original: z.string().min(1).max(300),
  corrected: z.string().min(1).max(300),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** Something the pack does not ship, and why (the issue asks the note to list these). */
export const LeftOutSchema = z.strictObject({ what: LocalizedSchema, why: LocalizedSchema });
export type LeftOut = z.infer<typeof LeftOutSchema>;

/** Unique ids within one list; reports the duplicates' paths. */
export function uniqueIds(items: readonly { readonly id: string }[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}
