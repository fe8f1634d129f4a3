/**
 * `POST /api/sessions/:id/paper-answers` (issue #6): the facilitator types in one paper
 * respondent's answers: a seven-questions form (one side) or a reflection sheet. Documented in
 * docs/host-api.md, "Handouts and paper answers".
 */
import { z } from 'zod';
import { AnswerSetSchema } from '../core/instruments/seven-questions';
import { SIDES } from '../core/instruments/vocabulary';
import { NOTE_MAX_LENGTH } from '../core/workshop/board';
import { PARTICIPANT_ROLES } from '../core/roles';

const StepId = z.string().min(1).max(40);

export const PaperSevenQuestionsSchema = z.object({
  kind: z.literal('seven-questions'),
  stepId: StepId,
  /** The form the person filled in (patient or staff wording). */
  side: z.enum(SIDES),
  answers: AnswerSetSchema.refine((a) => Object.keys(a).length > 0, 'answer at least one question'),
});

export const PaperReflectionSchema = z.object({
  kind: z.literal('reflection'),
  stepId: StepId,
  /** The writer's role as the facilitator knows it; the notes carry no name. */
  role: z.enum(PARTICIPANT_ROLES),
  /** The group ("bord") of the sheet, for a step run in groups. */
  groupId: z.string().min(1).max(40).optional(),
  /** Prompt id → what the person wrote; empty answers are left out. */
  answers: z.record(z.string().min(1).max(40), z.string().max(NOTE_MAX_LENGTH)),
});

export const PaperAnswersBodySchema = z.discriminatedUnion('kind', [PaperSevenQuestionsSchema, PaperReflectionSchema]);
export type PaperAnswersBody = z.infer<typeof PaperAnswersBodySchema>;

export const PaperAnswersResponseSchema = z.object({
  stepId: z.string(),
  kind: z.enum(['seven-questions', 'reflection']),
  /** How many answers were stored (questions answered, or reflection notes written). */
  stored: z.number().int(),
  /** Paper respondents of this step so far (seven questions: forms typed in). */
  paperRespondents: z.number().int(),
});
export type PaperAnswersResponse = z.infer<typeof PaperAnswersResponseSchema>;
