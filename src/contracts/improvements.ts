/**
 * The HTTP bodies of improvements and PDSA cycles (issue #5), as zod schemas with their types
 * derived from them. Facilitator only. Documented in docs/host-api.md, "Improvements (issue #5)".
 *
 *   GET    /api/improvements                          → ImprovementSummary[]
 *   POST   /api/improvements                          CreateImprovementBody → 201 Improvement
 *   GET    /api/improvements/:id                      → Improvement
 *   PUT    /api/improvements/:id                      SaveImprovementBody → Improvement (revision + 1);
 *                                                      409 `revision-conflict` when `revision` is stale
 *   DELETE /api/improvements/:id                      → 204 (the file and its history)
 *   POST   /api/improvements/:id/change-ideas         AddChangeIdeaBody → Improvement (the one click)
 *   POST   /api/improvements/:id/measures/:mid/points AddPointsBody → Improvement (typed or pasted)
 *   POST   /api/improvements/:id/sessions             LinkSessionBody → Improvement
 *   GET    /api/sessions/:id/improvements             → ImprovementSummary[] (linked to the session)
 *   GET    /api/improvements/:id/export               → the improvement as JSON (ImprovementFile)
 *   POST   /api/improvements/import                   ImprovementFile → 201 Improvement (a new id if taken)
 *   GET    /api/improvements/:id/revisions            → RevisionSummary[] (every save, newest first)
 *   GET    /api/improvements/:id/revisions/:rev       → Improvement (that revision's content, for a preview)
 *   POST   /api/improvements/:id/revisions/:rev/restore { revision } → Improvement (the old content as a new revision)
 *
 * Changed by the host helper (A2): ImprovementSummary has `status`, `file` and `problem` (a damaged or
 * too-new improvement file is listed, never hidden, like sessions), and the two revision routes were
 * added (the host keeps every save; a save can be brought back), and the export file may list the
 * revisions' times (`revisions`, optional). Nothing else changed. The history helper (H) added
 * reading one revision's content (the improvement page's "Tidigare versioner" previews it).
 */
import { z } from 'zod';
import { ImprovementSchema, ORIGIN_KINDS, TEXT_LONG, TEXT_SHORT, IsoDateSchema } from '../core/improvement/model';

export const ImprovementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  revision: z.number(),
  changeIdeas: z.number(),
  cycles: z.number(),
  measures: z.number(),
  sessions: z.array(z.object({ sessionId: z.string(), title: z.string(), linkedAt: z.number() })),
  /** `ok`, or why the file cannot be opened (the other fields are then empty or zero). */
  status: z.enum(['ok', 'corrupt', 'too-new']),
  /** The improvement's file on this computer. */
  file: z.string(),
  /** For a file that cannot be opened: what is wrong with it, naming the file. */
  problem: z.string().optional(),
});
export type ImprovementSummary = z.infer<typeof ImprovementSummarySchema>;

export const CreateImprovementBodySchema = z.object({
  title: z.string().trim().min(1).max(TEXT_SHORT),
  aim: z.string().max(TEXT_LONG).optional(),
  /** The workshop it starts in, linked at once. */
  sessionId: z.string().min(1).max(40).optional(),
});
export type CreateImprovementBody = z.infer<typeof CreateImprovementBodySchema>;

/** A whole improvement as edited; `revision` is the one the edit started from. */
export const SaveImprovementBodySchema = z.object({ revision: z.number().int().min(0), improvement: ImprovementSchema });
export type SaveImprovementBody = z.infer<typeof SaveImprovementBodySchema>;

/**
 * One click from a workshop contribution to a change idea. The client names the contribution; the
 * host reads its words from the session itself (so quotes are real and anonymity is kept) and
 * stores them in the change idea's `origins`. With `changeIdeaId` the contribution is added as a
 * further root of an existing idea instead.
 */
export const ContributionRefSchema = z.object({
  kind: z.enum(ORIGIN_KINDS),
  sessionId: z.string().min(1).max(40),
  stepId: z.string().min(1).max(40),
  refId: z.string().min(1).max(40),
});
export type ContributionRef = z.infer<typeof ContributionRefSchema>;

export const AddChangeIdeaBodySchema = z.object({
  text: z.string().trim().min(1).max(TEXT_LONG).optional(),
  from: z.array(ContributionRefSchema).max(50).default([]),
  changeIdeaId: z.string().min(1).max(40).optional(),
});
export type AddChangeIdeaBody = z.infer<typeof AddChangeIdeaBodySchema>;

export const AddPointsBodySchema = z.object({
  points: z
    .array(z.object({ date: IsoDateSchema, value: z.number().finite(), note: z.string().trim().max(TEXT_SHORT).optional() }))
    .min(1)
    .max(1000),
  sessionId: z.string().min(1).max(40).nullable().optional(),
});
export type AddPointsBody = z.infer<typeof AddPointsBodySchema>;

export const LinkSessionBodySchema = z.object({ sessionId: z.string().min(1).max(40) });
export type LinkSessionBody = z.infer<typeof LinkSessionBodySchema>;


/** One saved revision of an improvement (the host keeps them all). */
export const RevisionSummarySchema = z.object({ revision: z.number().int().min(0), savedAt: z.number() });
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/**
 * The export/import file: the improvement and every revision's time, versioned. Only the current
 * revision's content travels; `revisions` tells when the history was saved (an import starts a new
 * history from the exported revision and does not need it).
 */
export const ImprovementFileSchema = z.object({
  format: z.literal('samskapa-improvement'),
  version: z.literal(1),
  exportedAt: z.number(),
  improvement: ImprovementSchema,
  revisions: z.array(RevisionSummarySchema).max(1_000_000).optional(),
});
export type ImprovementFile = z.infer<typeof ImprovementFileSchema>;

/** Brings back an earlier revision; `revision` is the current one (the same check as a save). */
export const RestoreRevisionBodySchema = z.object({ revision: z.number().int().min(0) });
export type RestoreRevisionBody = z.infer<typeof RestoreRevisionBodySchema>;
