import type * as Y from 'yjs';
import { z } from 'zod';
import { createItemId } from '../ids';
import { FACILITATOR_ORIGIN } from './origins';
import { stepType } from './step-types';

export const STEP_TITLE_MAX = 200;
export const STEP_TEXT_MAX = 4000;
export const STEP_MINUTES_MAX = 8 * 60;

/** Whether the step runs as one room or in the groups ("bord") of the session. */
export const GROUP_MODES = ['room', 'groups'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];

/** What a facilitator writes when planning a step; `config` is checked against the step type's schema. */
export const StepInputSchema = z.object({
  type: z.string().min(1).max(40),
  title: z.string().trim().min(1).max(STEP_TITLE_MAX),
  instructions: z.string().max(STEP_TEXT_MAX).default(''),
  minutes: z.number().int().min(0).max(STEP_MINUTES_MAX),
  materials: z.string().max(STEP_TEXT_MAX).default(''),
  groupMode: z.enum(GROUP_MODES).default('room'),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type StepInput = z.input<typeof StepInputSchema>;

/** A planned step, as stored in the control document's `agenda` array. */
export interface Step {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly instructions: string;
  readonly minutes: number;
  readonly materials: string;
  readonly groupMode: GroupMode;
  readonly skipped: boolean;
  readonly config: Readonly<Record<string, unknown>>;
}

export type AgendaError = { readonly error: 'unknown-step-type'; readonly type: string } | { readonly error: 'invalid-step'; readonly issues: string[] };

/** Validates a step input against its type's schema; returns the normalised step or an error. */
export function parseStep(input: unknown, id: string = createItemId()): Step | AgendaError {
  const parsed = StepInputSchema.safeParse(input);
  if (!parsed.success) return { error: 'invalid-step', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const definition = stepType(parsed.data.type);
  if (!definition) return { error: 'unknown-step-type', type: parsed.data.type };
  const config = definition.configSchema.safeParse({ ...(definition.defaultConfig as object), ...parsed.data.config });
  if (!config.success) {
    return { error: 'invalid-step', issues: config.error.issues.map((i) => `config.${i.path.join('.')}: ${i.message}`) };
  }
  return { id, ...parsed.data, skipped: false, config: config.data as Record<string, unknown> };
}

export function isStep(value: Step | AgendaError): value is Step {
  return !('error' in value);
}

function agendaArray(doc: Y.Doc): Y.Array<Step> {
  return doc.getArray<Step>('agenda');
}

/** The agenda in order. */
export function selectAgenda(doc: Y.Doc): readonly Step[] {
  return agendaArray(doc).toArray();
}

export function findStep(doc: Y.Doc, id: string): Step | undefined {
  return selectAgenda(doc).find((s) => s.id === id);
}

function indexOf(doc: Y.Doc, id: string): number {
  return selectAgenda(doc).findIndex((s) => s.id === id);
}

/** Appends (or inserts at `index`) a step. Throws on invalid input: callers parse first to show errors. */
export function addStep(doc: Y.Doc, input: unknown, index?: number): Step {
  const step = parseStep(input);
  if (!isStep(step)) throw new Error(step.error);
  const array = agendaArray(doc);
  doc.transact(() => array.insert(Math.min(index ?? array.length, array.length), [step]), FACILITATOR_ORIGIN);
  return step;
}

/** Replaces a step's planned fields, keeping its id and skip flag. Returns false if it is gone or invalid. */
export function updateStep(doc: Y.Doc, id: string, changes: Partial<StepInput>): boolean {
  const index = indexOf(doc, id);
  const current = selectAgenda(doc)[index];
  if (!current) return false;
  const next = parseStep({ ...current, ...changes, config: { ...current.config, ...(changes.config ?? {}) } }, id);
  if (!isStep(next)) return false;
  replaceAt(doc, index, { ...next, skipped: current.skipped });
  return true;
}

/** Moves a step to a new position (drag and drop, or the keyboard's move up/down). */
export function moveStep(doc: Y.Doc, id: string, toIndex: number): boolean {
  const array = agendaArray(doc);
  const from = indexOf(doc, id);
  const step = array.get(from);
  if (from < 0 || !step) return false;
  const to = Math.max(0, Math.min(toIndex, array.length - 1));
  if (to === from) return true;
  doc.transact(() => {
    array.delete(from, 1);
    array.insert(to, [step]);
  }, FACILITATOR_ORIGIN);
  return true;
}

export function removeStep(doc: Y.Doc, id: string): boolean {
  const index = indexOf(doc, id);
  if (index < 0) return false;
  doc.transact(() => agendaArray(doc).delete(index, 1), FACILITATOR_ORIGIN);
  return true;
}

export function setStepSkipped(doc: Y.Doc, id: string, skipped: boolean): boolean {
  const index = indexOf(doc, id);
  const current = selectAgenda(doc)[index];
  if (!current) return false;
  replaceAt(doc, index, { ...current, skipped });
  return true;
}

/** Repeats a step: a copy with a new id right after it (its notes and votes start empty). */
export function repeatStep(doc: Y.Doc, id: string): Step | null {
  const index = indexOf(doc, id);
  const current = selectAgenda(doc)[index];
  if (!current) return null;
  const copy: Step = { ...current, id: createItemId(), skipped: false };
  doc.transact(() => agendaArray(doc).insert(index + 1, [copy]), FACILITATOR_ORIGIN);
  return copy;
}

function replaceAt(doc: Y.Doc, index: number, step: Step): void {
  const array = agendaArray(doc);
  doc.transact(() => {
    array.delete(index, 1);
    array.insert(index, [step]);
  }, FACILITATOR_ORIGIN);
}

/** Planned minutes of the steps that will run (skipped ones do not count). */
export function totalMinutes(steps: readonly Step[]): number {
  return steps.filter((s) => !s.skipped).reduce((sum, s) => sum + s.minutes, 0);
}

/**
 * When each step is planned to start and the agenda to end, given a start time. Skipped steps
 * take no time. Used for the running total and the "planned end" the facilitator watches.
 */
export function schedule(steps: readonly Step[], startsAt: number): { starts: ReadonlyMap<string, number>; endsAt: number } {
  const starts = new Map<string, number>();
  let at = startsAt;
  for (const step of steps) {
    starts.set(step.id, at);
    if (!step.skipped) at += step.minutes * 60_000;
  }
  return { starts, endsAt: at };
}

/** The next step that is not skipped after `currentId` (or the first one when null). */
export function nextStep(steps: readonly Step[], currentId: string | null): Step | undefined {
  const start = currentId === null ? 0 : steps.findIndex((s) => s.id === currentId) + 1;
  return steps.slice(start).find((s) => !s.skipped);
}

export function previousStep(steps: readonly Step[], currentId: string | null): Step | undefined {
  if (currentId === null) return undefined;
  const index = steps.findIndex((s) => s.id === currentId);
  return steps.slice(0, Math.max(0, index)).reverse().find((s) => !s.skipped);
}

export function observeAgenda(doc: Y.Doc, onChange: () => void): () => void {
  const array = agendaArray(doc);
  array.observe(onChange);
  return () => array.unobserve(onChange);
}
