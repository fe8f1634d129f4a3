import { z } from 'zod';
import {
  ComplexityContentSchema,
  DialogueClothsContentSchema,
  PartnershipMatrixContentSchema,
  PersonasContentSchema,
  ReflectionsContentSchema,
  SevenQuestionsContentSchema,
} from './pack-kinds';
import { CorrectionSchema, LeftOutSchema, LocalizedSchema, PackItemIdSchema, PackSourceSchema, RefSchema } from './pack-parts';
import type { Localized, PackLanguage, Provenance } from './pack-parts';

/**
 * Content packs: the instruments' texts as data (resources/content-packs/*.json), one pack per file,
 * in Swedish and English, each item naming its source and seed lines. The host validates every
 * pack at start with this schema; a pack that fails is left out, never half-loaded.
 */
export const PACK_FORMAT = 'samskapa-content-pack';
export const PACK_VERSION = 1;

export const PACK_KINDS = ['seven-questions', 'dialogue-cloths', 'reflections', 'personas', 'partnership-matrix', 'complexity'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

const envelope = {
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: PackItemIdSchema,
  title: LocalizedSchema,
  description: LocalizedSchema,
  /** The documents the pack cites, by key; every item's `source` is one of these keys. */
  sources: z.record(PackItemIdSchema, PackSourceSchema),
  /** The pack's main source and lines. */
  source: PackItemIdSchema,
  ref: RefSchema,
  /** What was corrected in the source's wording, deliberately. */
  corrections: z.array(CorrectionSchema),
  /** What the pack does not ship, and why. */
  leftOut: z.array(LeftOutSchema),
};

export const ContentPackSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...envelope, kind: z.literal('seven-questions'), content: SevenQuestionsContentSchema }),
    z.strictObject({ ...envelope, kind: z.literal('dialogue-cloths'), content: DialogueClothsContentSchema }),
    z.strictObject({ ...envelope, kind: z.literal('reflections'), content: ReflectionsContentSchema }),
    z.strictObject({ ...envelope, kind: z.literal('personas'), content: PersonasContentSchema }),
    z.strictObject({ ...envelope, kind: z.literal('partnership-matrix'), content: PartnershipMatrixContentSchema }),
    z.strictObject({ ...envelope, kind: z.literal('complexity'), content: ComplexityContentSchema }),
  ])
  .superRefine((pack, ctx) => {
    for (const { path, source } of sourceKeys(pack)) {
      if (!(source in pack.sources)) ctx.addIssue({ code: 'custom', path: [...path, 'source'], message: `no source "${source}" in sources` });
    }
  });

export type ContentPack = z.infer<typeof ContentPackSchema>;
export type PackOf<K extends PackKind> = Extract<ContentPack, { kind: K }>;

export type PackProblem =
  | { readonly error: 'not-json'; readonly issues: readonly string[] }
  | { readonly error: 'not-a-pack'; readonly issues: readonly string[] }
  | { readonly error: 'pack-too-new'; readonly issues: readonly string[] }
  | { readonly error: 'invalid-pack'; readonly issues: readonly string[] };

/**
 * Parses a pack file's text. Every problem names the field ("content.questions.3.staff.en:
 * Required") so whoever edits a pack by hand sees what to fix.
 */
export function parseContentPack(text: string): ContentPack | PackProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: 'not-json', issues: [`the file is not JSON: ${(error as Error).message}`] };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== PACK_FORMAT) {
    return { error: 'not-a-pack', issues: [`format: expected "${PACK_FORMAT}"`] };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > PACK_VERSION) {
    return { error: 'pack-too-new', issues: [`version: ${version} is newer than this app reads (${PACK_VERSION})`] };
  }
  const parsed = ContentPackSchema.safeParse(value);
  if (!parsed.success) {
    return { error: 'invalid-pack', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  return parsed.data;
}

export function isContentPack(value: ContentPack | PackProblem): value is ContentPack {
  return !('error' in value);
}

/** Narrows a pack to a kind (null when it is another kind). */
export function packOfKind<K extends PackKind>(pack: ContentPack | undefined, kind: K): PackOf<K> | null {
  return pack?.kind === kind ? (pack as PackOf<K>) : null;
}

/** The text in one language. */
export function localize(text: Localized, lang: PackLanguage): string {
  return text[lang];
}

/**
 * The line shown with an item: "Källa: SKR, Ett steg till, 2022 (001 L218)". An unknown source key
 * cannot happen in a validated pack; the fallback keeps a hand-built pack readable.
 */
export function citation(pack: Pick<ContentPack, 'sources'>, item: Pick<Provenance, 'source' | 'ref'>, lang: PackLanguage): string {
  const source = pack.sources[item.source];
  return `${source ? source[lang] : item.source} (${item.ref})`;
}

/** Every `{source, ref}` object in a value, with its path (the envelope's own included). */
function sourceKeys(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; source: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourceKeys(v, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.source === 'string' && typeof record.ref === 'string' ? [{ path, source: record.source }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => (k === 'sources' ? [] : sourceKeys(v, [...path, k])))];
}

/** A short listing of a pack for `GET /api/content-packs`. */
export interface PackSummary {
  readonly id: string;
  readonly kind: PackKind;
  readonly title: Localized;
  readonly description: Localized;
  readonly source: { readonly sv: string; readonly en: string };
}

export function summarizePack(pack: ContentPack): PackSummary {
  const source = pack.sources[pack.source];
  return {
    id: pack.id,
    kind: pack.kind,
    title: pack.title,
    description: pack.description,
    source: { sv: `${source?.sv ?? pack.source} (${pack.ref})`, en: `${source?.en ?? pack.source} (${pack.ref})` },
  };
}
