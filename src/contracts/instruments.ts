/**
 * The HTTP bodies of the instruments (issue #4), as zod schemas with their types derived from them.
 * Documented in docs/host-api.md, "Instruments (issue #4)".
 */
import { z } from 'zod';
import { AnswerSetSchema } from '../core/instruments/seven-questions';
import { MATRIX_LAYERS, SIDES } from '../core/instruments/vocabulary';

/** `POST /api/sessions/:id/answers`: one person's answers to the running seven-questions step. */
export const AnswersBodySchema = z.object({
  stepId: z.string().min(1).max(40),
  /** Only for a role that may choose its wording (role "other"); any other role's side is fixed. */
  side: z.enum(SIDES).optional(),
  /** All of this person's answers now (a new POST replaces the earlier ones). */
  answers: AnswerSetSchema.refine((a) => Object.keys(a).length > 0, 'answer at least one question'),
});
export type AnswersBody = z.infer<typeof AnswersBodySchema>;

/** The person's own stored answers (their device may show them again after a reload). */
export const AnswersResponseSchema = z.object({
  stepId: z.string(),
  side: z.enum(SIDES).nullable(),
  answers: AnswerSetSchema,
});
export type AnswersResponse = z.infer<typeof AnswersResponseSchema>;

/** One team's matrix at one time: a partnership-matrix step of a session, one group or all. */
export const MatrixRefSchema = z.object({
  sessionId: z.string().min(1).max(40),
  stepId: z.string().min(1).max(40),
  /** A group of the step; absent or null = every group of the step together. */
  groupId: z.string().min(1).max(40).nullable().optional(),
});
export type MatrixRef = z.infer<typeof MatrixRefSchema>;

/** `POST /api/partnership-matrix/compare`: two dates of the same team. */
export const CompareMatricesBodySchema = z.object({ from: MatrixRefSchema, to: MatrixRefSchema });
export type CompareMatricesBody = z.infer<typeof CompareMatricesBodySchema>;

const CellsSchema = z.object({ today: z.array(z.string()), next: z.array(z.string()) });
const SpanSchema = z.object({ places: z.number(), phases: z.number() });

export const CompareMatricesResponseSchema = z.object({
  from: CellsSchema,
  to: CellsSchema,
  changes: z.array(z.object({ cell: z.string(), layer: z.enum(MATRIX_LAYERS), change: z.enum(['added', 'removed']) })),
  span: z.object({ from: z.object({ today: SpanSchema, next: SpanSchema }), to: z.object({ today: SpanSchema, next: SpanSchema }) }),
});
export type CompareMatricesResponse = z.infer<typeof CompareMatricesResponseSchema>;
