import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../roles';

/**
 * An improvement (förbättringsarbete): the Model for Improvement's three questions and the PDSA
 * (PGSA: Planera–Göra–Studera–Agera) cycles that test its change ideas.
 *
 * Why it is not part of a session's documents: an improvement outlives the workshop it started in.
 * A follow-up workshop a month later opens the same improvement and adds to it, and the team edits
 * it between workshops with no session running. It is therefore a document of its own (one file per
 * improvement, see docs/improvements.md), and sessions refer to it by id (`sessions`), while a
 * change idea keeps the quotes it grew from (`origins`), copied at the moment it was made so the
 * link survives exports, archives and the deletion of the session.
 *
 * The whole improvement is one JSON value validated by these schemas at every boundary; the host
 * keeps every saved revision, so an edit can never destroy an earlier one.
 */
export const IMPROVEMENT_FORMAT = 1;

export const TEXT_SHORT = 200;
export const TEXT_LONG = 4000;
export const MAX_ITEMS = 200;
export const MAX_POINTS = 1000;

const id = z.string().min(1).max(40);
const short = z.string().trim().max(TEXT_SHORT);
const long = z.string().max(TEXT_LONG);
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar date, `YYYY-MM-DD` (run charts and due dates are about days, not instants). */
export const IsoDateSchema = z
  .string()
  .regex(DATE_PATTERN, 'YYYY-MM-DD')
  // The pattern lets 2026-02-30 through; a run chart placing a point on a day that does not exist is wrong.
  .refine((text) => !DATE_PATTERN.test(text) || isCalendarDate(text), 'no such date');

/** Whether a `YYYY-MM-DD` names a day that exists (2026-02-30 does not; 2028-02-29 does). */
export function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** The system level a change works at (mikro: the unit, meso: the organisation, makro: the region). */
export const SYSTEM_LEVELS = ['mikro', 'meso', 'makro'] as const;
export type SystemLevel = (typeof SYSTEM_LEVELS)[number];

/** Which way is better for a measure: a higher value (`up`) or a lower one (`down`). */
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Outcome, process and balancing measures (the Model for Improvement's second question). */
export const MEASURE_KINDS = ['outcome', 'process', 'balancing'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Act: adopt (införa), adapt (justera), abandon (avbryta), scale up (sprida). */
export const ACT_DECISIONS = ['adopt', 'adapt', 'abandon', 'scale-up'] as const;
export type ActDecision = (typeof ACT_DECISIONS)[number];

export const IMPROVED_ANSWERS = ['yes', 'no', 'unclear'] as const;

/** Where a change idea came from: a voted note, a dialogduk insight (guldkorn) or a seven-questions gap. */
export const ORIGIN_KINDS = ['note', 'cloth-insight', 'gap'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

export const OriginSchema = z.object({
  kind: z.enum(ORIGIN_KINDS),
  sessionId: id,
  sessionTitle: short,
  stepId: id,
  /** The note id, the insight's note id, or the question id of a gap. */
  refId: id,
  /** The words as written (a note's text, or the question of a gap): quotes, never who wrote them if anonymous. */
  quote: long,
  /** Only for a named (not anonymous) writer who gave a name. */
  authorName: short.optional(),
  authorRole: z.enum(PARTICIPANT_ROLES).optional(),
  /** Dot votes the note had when the idea was made. */
  votes: z.number().int().min(0).optional(),
  /** A gap: the share (0–1) of patients' and of staff's answers that agreed, when made. */
  gap: z.object({ patient: z.number().min(0).max(1), staff: z.number().min(0).max(1) }).optional(),
  linkedAt: z.number(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const ChangeIdeaSchema = z.object({
  id,
  text: z.string().trim().min(1).max(TEXT_LONG),
  createdAt: z.number(),
  origins: z.array(OriginSchema).max(MAX_ITEMS),
});
export type ChangeIdea = z.infer<typeof ChangeIdeaSchema>;

export const DataPointSchema = z.object({
  id,
  date: IsoDateSchema,
  value: z.number().finite(),
  note: short.optional(),
  /** The workshop in which it was added, if any (null: added between workshops). */
  sessionId: id.nullable().optional(),
});
export type DataPoint = z.infer<typeof DataPointSchema>;

export const MeasureSchema = z.object({
  id,
  name: z.string().trim().min(1).max(TEXT_SHORT),
  kind: z.enum(MEASURE_KINDS),
  definition: long,
  unit: short,
  direction: z.enum(DIRECTIONS),
  /** Points used for the median (the baseline): null = all points. */
  baselinePoints: z.number().int().min(1).max(MAX_POINTS).nullable().optional(),
  points: z.array(DataPointSchema).max(MAX_POINTS),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const TaskSchema = z.object({
  id,
  text: z.string().trim().min(1).max(TEXT_SHORT),
  owner: short,
  due: IsoDateSchema.nullable(),
  done: z.boolean(),
});
export type Task = z.infer<typeof TaskSchema>;

/** A question the cycle should answer and what the team predicts (IHI PDSA worksheet). */
export const PlanQuestionSchema = z.object({ id, question: long, prediction: long });
export type PlanQuestion = z.infer<typeof PlanQuestionSchema>;

export const PdsaCycleSchema = z.object({
  id,
  changeIdeaId: id,
  /** 1, 2, 3… within its change idea: "PDSA 2" is the second test of the same idea. */
  number: z.number().int().min(1).max(999),
  title: short,
  createdAt: z.number(),
  /** The workshop in which it was planned, if any. */
  sessionId: id.nullable(),
  systemLevel: z.enum(SYSTEM_LEVELS).nullable(),
  /** "Det vi testar här, vad får det för konsekvenser i andra delar?" (SKR, Ett steg till, 2022, line 410). */
  consequencesElsewhere: long,
  /** Measures whose run charts show this cycle (its dates are marked on them). */
  measureIds: z.array(id).max(MAX_ITEMS),
  plan: z.object({
    objective: long,
    questions: z.array(PlanQuestionSchema).max(50),
    what: long,
    who: long,
    when: long,
    where: long,
    tasks: z.array(TaskSchema).max(MAX_ITEMS),
    dataCollection: long,
    /** How will patients experience the test, and how do we learn it from them? */
    patientExperience: long,
    startDate: IsoDateSchema.nullable(),
  }),
  do: z.object({ whatHappened: long, observations: long, endDate: IsoDateSchema.nullable() }),
  study: z.object({
    /** The result for each plan question (`questionId` → what was found against the prediction). */
    results: z.array(z.object({ questionId: id, result: long })).max(50),
    learning: long,
    summary: long,
    improved: z.enum(IMPROVED_ANSWERS).nullable(),
  }),
  act: z.object({ decision: z.enum(ACT_DECISIONS).nullable(), nextSteps: long }),
});
export type PdsaCycle = z.infer<typeof PdsaCycleSchema>;

/** Someone who helped set the aim: the patients and närstående are named as they chose, or by role only. */
export const CoAuthorSchema = z.object({ name: short.optional(), role: z.enum(PARTICIPANT_ROLES) });
export type CoAuthor = z.infer<typeof CoAuthorSchema>;

export const SessionLinkSchema = z.object({ sessionId: id, title: short, linkedAt: z.number() });
export type SessionLink = z.infer<typeof SessionLinkSchema>;

export const ImprovementSchema = z
  .object({
    format: z.literal(IMPROVEMENT_FORMAT),
    id,
    title: z.string().trim().min(1).max(TEXT_SHORT),
    createdAt: z.number(),
    updatedAt: z.number(),
    /** Increases by one with every save; a save names the revision it started from. */
    revision: z.number().int().min(0),
    /** Vad vill vi åstadkomma? */
    aim: z.object({ text: long, coAuthors: z.array(CoAuthorSchema).max(MAX_ITEMS) }),
    /** Hur vet vi att en förändring är en förbättring? */
    measures: z.array(MeasureSchema).max(50),
    /** Vilka förändringar kan vi göra som leder till förbättring? */
    changeIdeas: z.array(ChangeIdeaSchema).max(MAX_ITEMS),
    cycles: z.array(PdsaCycleSchema).max(MAX_ITEMS),
    /** The workshops that worked on it, oldest first. */
    sessions: z.array(SessionLinkSchema).max(MAX_ITEMS),
  })
  .superRefine((improvement, ctx) => {
    for (const problem of improvementProblems(improvement)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  });
export type Improvement = z.infer<typeof ImprovementSchema>;

export interface ImprovementProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * What the schema alone cannot say: ids unique, references that point somewhere, and cycle numbers
 * that form a series per change idea (PDSA 1, 2, 3… with no number twice).
 */
export function improvementProblems(improvement: Omit<Improvement, 'format'> & { format: number }): ImprovementProblem[] {
  const problems: ImprovementProblem[] = [];
  const ideaIds = uniqueIds(improvement.changeIdeas, ['changeIdeas'], problems);
  const measureIds = uniqueIds(improvement.measures, ['measures'], problems);
  uniqueIds(improvement.cycles, ['cycles'], problems);
  const numbers = new Set<string>();
  improvement.cycles.forEach((cycle, index) => {
    if (!ideaIds.has(cycle.changeIdeaId)) problems.push({ path: ['cycles', index, 'changeIdeaId'], message: 'no such change idea' });
    cycle.measureIds.forEach((measureId, m) => {
      if (!measureIds.has(measureId)) problems.push({ path: ['cycles', index, 'measureIds', m], message: 'no such measure' });
    });
    const key = `${cycle.changeIdeaId}#${cycle.number}`;
    if (numbers.has(key)) problems.push({ path: ['cycles', index, 'number'], message: 'cycle number used twice for this change idea' });
    numbers.add(key);
    const questionIds = new Set(cycle.plan.questions.map((q) => q.id));
    cycle.study.results.forEach((result, r) => {
      if (!questionIds.has(result.questionId)) problems.push({ path: ['cycles', index, 'study', 'results', r, 'questionId'], message: 'no such plan question' });
    });
  });
  improvement.measures.forEach((measure, m) => uniqueIds(measure.points, ['measures', m, 'points'], problems));
  return problems;
}

function uniqueIds(items: readonly { id: string }[], path: (string | number)[], problems: ImprovementProblem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) problems.push({ path: [...path, index, 'id'], message: 'id used twice' });
    seen.add(item.id);
  });
  return seen;
}

/** The next number in a change idea's series of cycles. */
export function nextCycleNumber(improvement: Pick<Improvement, 'cycles'>, changeIdeaId: string): number {
  const numbers = improvement.cycles.filter((c) => c.changeIdeaId === changeIdeaId).map((c) => c.number);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}

/** A measure's points in date order (entry order breaks ties, so a pasted series keeps its order). */
export function pointsByDate(measure: Pick<Measure, 'points'>): DataPoint[] {
  return measure.points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index))
    .map(({ point }) => point);
}

/** The dates to mark on a measure's run chart: each cycle that names the measure, at its start. */
export function cycleAnnotations(improvement: Pick<Improvement, 'cycles' | 'changeIdeas'>, measureId: string): { date: IsoDate; cycleId: string; number: number }[] {
  return improvement.cycles
    .filter((c) => c.measureIds.includes(measureId) && c.plan.startDate)
    .map((c) => ({ date: c.plan.startDate as IsoDate, cycleId: c.id, number: c.number }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
}

/** An empty cycle, numbered next in its change idea's series. */
export function newCycle(improvement: Pick<Improvement, 'cycles'>, changeIdeaId: string, cycleId: string, sessionId: string | null, now: number): PdsaCycle {
  return {
    id: cycleId,
    changeIdeaId,
    number: nextCycleNumber(improvement, changeIdeaId),
    title: '',
    createdAt: now,
    sessionId,
    systemLevel: null,
    consequencesElsewhere: '',
    measureIds: [],
    plan: { objective: '', questions: [], what: '', who: '', when: '', where: '', tasks: [], dataCollection: '', patientExperience: '', startDate: null },
    do: { whatHappened: '', observations: '', endDate: null },
    study: { results: [], learning: '', summary: '', improved: null },
    act: { decision: null, nextSteps: '' },
  };
}

/** A new improvement with nothing in it but a title. */
export function newImprovement(improvementId: string, title: string, now: number): Improvement {
  return {
    format: IMPROVEMENT_FORMAT,
    id: improvementId,
    title,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    aim: { text: '', coAuthors: [] },
    measures: [],
    changeIdeas: [],
    cycles: [],
    sessions: [],
  };
}
