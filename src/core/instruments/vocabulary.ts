/**
 * The fixed ids of the instruments (issue #4). They are wire values stored in session files and
 * content packs: never rename one. The words people read come from the packs (sv and en).
 */

/** The seven Patientkontrakt questions (SKR, Ett steg till, 2022, seed 001 L216–238). */
export const SEVEN_QUESTION_IDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'] as const;
export type SevenQuestionId = (typeof SEVEN_QUESTION_IDS)[number];

/**
 * The answer scale. The source defines only "ja" (001 L210); "delvis" follows its "i vilken
 * omfattning / grad" (L214, L526) and "vet inte" lets a person say they cannot judge. Swedish ids
 * because the instrument is Swedish; the en labels live in the pack.
 */
export const ANSWERS = ['ja', 'delvis', 'nej', 'vet-inte'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The two wordings of each question, and the two sides the results compare. */
export const SIDES = ['patient', 'staff'] as const;
export type Side = (typeof SIDES)[number];

/** Place (nivå) of the partnership framework (QRC: seed 004 L66–69, seed 000 L169–174). */
export const PLACES = ['direct-care', 'clinic', 'organisation', 'region'] as const;
export type Place = (typeof PLACES)[number];

/** Phase (fas) of the framework (seed 000 L259–290; the EN matrix calls the first "Design"). */
export const PHASES = ['initiate', 'plan', 'implement', 'evaluate'] as const;
export type Phase = (typeof PHASES)[number];

/** What a group marks in a matrix cell: where patients take part today, and where next. */
export const MATRIX_LAYERS = ['today', 'next'] as const;
export type MatrixLayer = (typeof MATRIX_LAYERS)[number];

/** The seven parity factors (likvärdighetsfaktorer), seed 004 L170–179, seed 000 L332–378. */
export const PARITY_FACTORS = ['numbers', 'compensation', 'power', 'preparation', 'support', 'leadership', 'vulnerability'] as const;
export type ParityFactor = (typeof PARITY_FACTORS)[number];

/** The complexity model's domains (seed 001 L366–380). */
export const COMPLEXITY_DOMAINS = ['enkelt', 'komplicerat', 'komplext', 'kaos'] as const;
export type ComplexityDomain = (typeof COMPLEXITY_DOMAINS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
