import { z } from 'zod';
import type { ParticipantRole } from '../roles';
import type { PackOf } from './content-pack';
import type { PackLanguage } from './pack-parts';
import { ANSWERS, SEVEN_QUESTION_IDS, SIDES } from './vocabulary';
import type { Answer, SevenQuestionId, Side } from './vocabulary';

/**
 * The seven Patientkontrakt questions as a step (issue #4): each participant answers the patient
 * or the care-provider wording, by role; answers go to the host by HTTP and never into a document
 * participants can read; the host publishes counts per side (seven-questions-results.ts).
 */

/** The smallest group whose answers are ever shown. Below 3, one person's answer could be read off. */
export const MIN_THRESHOLD = 3;
export const DEFAULT_THRESHOLD = 3;
export const REWORDING_MAX = 500;

const Rewording = z.string().trim().min(1).max(REWORDING_MAX);

export const SevenQuestionsConfigSchema = z.object({
  /** The pack the canonical texts come from. */
  packId: z.string().max(60),
  /** The questions asked, in order (all seven by default; a facilitator may ask fewer). */
  questionIds: z.array(z.enum(SEVEN_QUESTION_IDS)).min(1).max(7),
  /**
   * The facilitator's rewording for the workplace, per question and side. The question keeps its
   * id, so answers still count towards the original question (the source allows rewording,
   * 001 L206: "Frågorna … kan omformas så att de stämmer in i språkbruk och kultur på arbetsplatsen").
   */
  overrides: z.partialRecord(z.enum(SEVEN_QUESTION_IDS), z.object({ patient: Rewording.optional(), staff: Rewording.optional() })),
  /** A side with fewer answers to a question than this shows no breakdown ("för få svar"). */
  threshold: z.number().int().min(MIN_THRESHOLD).max(50),
  /** Which wording participants of role `other` get: their own choice, or a fixed side. */
  otherRole: z.enum(['choose', ...SIDES]),
});
export type SevenQuestionsConfig = z.infer<typeof SevenQuestionsConfigSchema>;

export const DEFAULT_SEVEN_QUESTIONS_CONFIG: SevenQuestionsConfig = {
  packId: 'seven-questions',
  questionIds: [...SEVEN_QUESTION_IDS],
  overrides: {},
  threshold: DEFAULT_THRESHOLD,
  otherRole: 'choose',
};

/** One person's answers: question id → answer. Questions left out are unanswered. */
export type AnswerSet = Partial<Record<SevenQuestionId, Answer>>;

export const AnswerSetSchema = z.partialRecord(z.enum(SEVEN_QUESTION_IDS), z.enum(ANSWERS));

/**
 * The wording a participant's role gets — the rule, in one place:
 * - patient, relative (närstående), patient-rep (patientföreträdare) → the patient wording: they
 *   answer from the patient's side of care (a relative answers as the patient's side, as the
 *   partnership texts count närstående with patients, seed 000 L122);
 * - staff and facilitator-assistant → the care provider's (vårdgivare) wording;
 * - other → `otherRole`: the person's own choice ('choose'), or the side the facilitator fixed.
 */
export function wordingForRole(role: ParticipantRole, otherRole: SevenQuestionsConfig['otherRole'] = 'choose'): Side | 'choose' {
  switch (role) {
    case 'patient':
    case 'relative':
    case 'patient-rep':
      return 'patient';
    case 'staff':
    case 'facilitator-assistant':
      return 'staff';
    case 'other':
      return otherRole;
  }
}

export type SideError = 'choose-a-side' | 'side-fixed-by-role';

/**
 * The side a participant answers for: their role's side, or — only where the role leaves it open —
 * the side they chose. Choosing a side one's role does not allow is an error, not silently fixed,
 * so a modified client cannot count a patient's answers as staff answers.
 */
export function resolveSide(role: ParticipantRole, chosen: Side | undefined, otherRole: SevenQuestionsConfig['otherRole'] = 'choose'): Side | SideError {
  const wording = wordingForRole(role, otherRole);
  if (wording === 'choose') return chosen ?? 'choose-a-side';
  if (chosen !== undefined && chosen !== wording) return 'side-fixed-by-role';
  return wording;
}

export function isSide(value: Side | SideError): value is Side {
  return (SIDES as readonly string[]).includes(value);
}

/** The text a side reads for a question: the facilitator's rewording if any, else the pack's. */
export interface QuestionText {
  readonly id: SevenQuestionId;
  readonly no: number;
  readonly text: string;
  /** The pack's wording, shown next to a reworded question so the link stays visible. */
  readonly original: string;
  readonly reworded: boolean;
}

export function questionTexts(pack: PackOf<'seven-questions'>, config: SevenQuestionsConfig, side: Side, lang: PackLanguage): QuestionText[] {
  return config.questionIds.flatMap((id) => {
    const question = pack.content.questions.find((q) => q.id === id);
    if (!question) return [];
    const original = question[side][lang];
    const override = config.overrides[id]?.[side];
    return [{ id, no: question.no, text: override ?? original, original, reworded: override !== undefined && override !== original }];
  });
}
