import { z } from 'zod';
import { LocalizedSchema, PackItemIdSchema, TextItemSchema, provenance, uniqueIds } from './pack-parts';
import { ANSWERS, COMPLEXITY_DOMAINS, PARITY_FACTORS, PHASES, PLACES, SEVEN_QUESTION_IDS } from './vocabulary';

/**
 * The content of each kind of pack. A pack file is `{…envelope, kind, content}` (content-pack.ts);
 * the kind decides which of these schemas reads `content`.
 */

/** a. The seven Patientkontrakt questions, answer scale, "infört" criteria, follow-up checklist. */
export const SevenQuestionsContentSchema = z
  .strictObject({
    questions: z
      .array(
        z.strictObject({
          id: z.enum(SEVEN_QUESTION_IDS),
          no: z.number().int().min(1).max(7),
          /** A short label for charts ("Nästa steg"). */
          theme: LocalizedSchema,
          patient: LocalizedSchema,
          staff: LocalizedSchema,
          ...provenance,
        }),
      )
      .length(7),
    scale: z.array(z.strictObject({ id: z.enum(ANSWERS), label: LocalizedSchema })).length(ANSWERS.length),
    /** Why the scale is what it is (the source defines only "ja"). */
    scaleNote: LocalizedSchema,
    criteria: z.array(TextItemSchema).min(1),
    /** "När du har ställt de 7 frågorna …": the line that introduces the checklist. */
    followUpIntro: LocalizedSchema,
    followUp: z.array(TextItemSchema).min(1),
  })
  .superRefine((c, ctx) => {
    uniqueIds(c.questions, ['questions'], ctx);
    uniqueIds(c.scale, ['scale'], ctx);
  });

const ClothQuestionSchema = z.strictObject({
  id: PackItemIdSchema,
  text: LocalizedSchema,
  /** The part of the cloth the question sits in (Kontakt / Vårdmöte / Hemma, a paradigm row). */
  zone: LocalizedSchema.optional(),
  ...provenance,
});

/** b. Ready dialogue cloths: a theme in the middle, 4–8 questions around it. */
export const DialogueClothsContentSchema = z
  .strictObject({
    cloths: z
      .array(
        z.strictObject({
          id: PackItemIdSchema,
          theme: LocalizedSchema,
          intro: LocalizedSchema,
          questions: z.array(ClothQuestionSchema).min(4).max(8),
          ...provenance,
        }),
      )
      .min(1),
  })
  .superRefine((c, ctx) => {
    uniqueIds(c.cloths, ['cloths'], ctx);
    uniqueIds(c.cloths.flatMap((cloth) => cloth.questions), ['cloths', '*', 'questions'], ctx);
  });

/** c. Reflection questions per section, in the "du" (one person) and "ni" (a team) forms. */
export const ReflectionsContentSchema = z
  .strictObject({
    sections: z
      .array(
        z.strictObject({
          id: PackItemIdSchema,
          no: z.number().int().min(1),
          heading: LocalizedSchema,
          /** Why a section has no prompts (the source prints none for Del 2 §8 and §9). */
          note: LocalizedSchema.optional(),
          prompts: z.array(z.strictObject({ id: PackItemIdSchema, du: LocalizedSchema, ni: LocalizedSchema, ...provenance })),
          ...provenance,
        }),
      )
      .min(1),
  })
  .superRefine((c, ctx) => {
    uniqueIds(c.sections, ['sections'], ctx);
    uniqueIds(c.sections.flatMap((s) => s.prompts), ['sections', '*', 'prompts'], ctx);
    c.sections.forEach((s, i) => {
      if (s.prompts.length === 0 && !s.note) ctx.addIssue({ code: 'custom', path: ['sections', i, 'note'], message: 'a section without prompts says why' });
    });
  });

/** The fields of a persona card, as the issue names them. */
export const PERSONA_FIELDS = ['situation', 'whatMatters', 'needs', 'abilityAndWill', 'resources', 'expectations', 'channels'] as const;

/** d. Persona segments (with SKL's caveat), contact channels and example personas. */
export const PersonasContentSchema = z
  .strictObject({
    segments: z.array(z.strictObject({ id: PackItemIdSchema, name: LocalizedSchema, ...provenance })).min(1),
    caveat: z.strictObject({ text: LocalizedSchema, ...provenance }),
    channels: z.array(z.strictObject({ id: PackItemIdSchema, label: LocalizedSchema, ...provenance })).min(1),
    /** The card's field labels, e.g. whatMatters: "Vad är viktigt för mig?". */
    fields: z.strictObject(Object.fromEntries(PERSONA_FIELDS.map((f) => [f, LocalizedSchema])) as Record<(typeof PERSONA_FIELDS)[number], typeof LocalizedSchema>),
    personas: z
      .array(
        z.strictObject({
          id: PackItemIdSchema,
          label: LocalizedSchema,
          segment: PackItemIdSchema,
          situation: LocalizedSchema,
          whatMatters: LocalizedSchema,
          needs: z.array(LocalizedSchema).min(1).max(8),
          abilityAndWill: LocalizedSchema,
          resources: LocalizedSchema,
          expectations: LocalizedSchema,
          channels: z.array(PackItemIdSchema).min(1),
          quote: z.strictObject({ text: LocalizedSchema, ...provenance }).optional(),
          ...provenance,
        }),
      )
      .min(1),
  })
  .superRefine((c, ctx) => {
    uniqueIds(c.segments, ['segments'], ctx);
    uniqueIds(c.channels, ['channels'], ctx);
    uniqueIds(c.personas, ['personas'], ctx);
    const segments = new Set(c.segments.map((s) => s.id));
    const channels = new Set(c.channels.map((s) => s.id));
    c.personas.forEach((p, i) => {
      if (!segments.has(p.segment)) ctx.addIssue({ code: 'custom', path: ['personas', i, 'segment'], message: `no segment "${p.segment}"` });
      p.channels.forEach((ch, j) => {
        if (!channels.has(ch)) ctx.addIssue({ code: 'custom', path: ['personas', i, 'channels', j], message: `no channel "${ch}"` });
      });
    });
  });

/** e. The partnership framework: place × phase with example activities, parity factors, how to use. */
export const PartnershipMatrixContentSchema = z
  .strictObject({
    places: z.array(z.strictObject({ id: z.enum(PLACES), label: LocalizedSchema, description: LocalizedSchema, ...provenance })).length(PLACES.length),
    phases: z.array(z.strictObject({ id: z.enum(PHASES), label: LocalizedSchema, description: LocalizedSchema, ...provenance })).length(PHASES.length),
    cells: z.array(z.strictObject({ place: z.enum(PLACES), phase: z.enum(PHASES), examples: z.array(LocalizedSchema).min(1), ...provenance })),
    parity: z
      .array(z.strictObject({ id: z.enum(PARITY_FACTORS), label: LocalizedSchema, prompt: LocalizedSchema, ...provenance }))
      .length(PARITY_FACTORS.length),
    /** The rule for reading the matrix: partnership spanning places and phases is more robust. */
    robustness: TextItemSchema,
    howToUse: z.array(TextItemSchema).min(1),
  })
  .superRefine((c, ctx) => {
    uniqueIds(c.places, ['places'], ctx);
    uniqueIds(c.phases, ['phases'], ctx);
    uniqueIds(c.parity, ['parity'], ctx);
    uniqueIds(c.cells.map((cell) => ({ id: `${cell.place}:${cell.phase}` })), ['cells'], ctx);
  });

/** f. The complexity model with the handling the guide suggests for each domain. */
export const ComplexityContentSchema = z
  .strictObject({
    domains: z
      .array(
        z.strictObject({
          id: z.enum(COMPLEXITY_DOMAINS),
          label: LocalizedSchema,
          description: LocalizedSchema,
          handling: LocalizedSchema,
          example: LocalizedSchema.optional(),
          ...provenance,
        }),
      )
      .length(COMPLEXITY_DOMAINS.length),
    /** The guide's point that the simple, complicated and complex parts must be worked on in parallel. */
    parallel: TextItemSchema,
  })
  .superRefine((c, ctx) => uniqueIds(c.domains, ['domains'], ctx));
