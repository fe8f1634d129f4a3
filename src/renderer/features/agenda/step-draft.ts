/**
 * The editable copy of a step in the step dialog: plain strings while the facilitator types, checked
 * and turned into a `StepInput` for the core's addStep/updateStep on save.
 */
import {
  STEP_MINUTES_MAX,
  parseStep,
  isStep,
  type GroupMode,
  type Step,
  type StepInput,
} from '../../../core/workshop/agenda';
import { stepType } from '../../../core/workshop/step-types';

export interface StepDraft {
  readonly type: string;
  readonly title: string;
  readonly instructions: string;
  readonly minutes: string;
  readonly materials: string;
  readonly groupMode: GroupMode;
  readonly config: Readonly<Record<string, unknown>>;
}

export type DraftProblem = 'title-missing' | 'minutes-invalid' | 'invalid';

export function draftFromStep(step: Step): StepDraft {
  return {
    type: step.type,
    title: step.title,
    instructions: step.instructions,
    minutes: String(step.minutes),
    materials: step.materials,
    groupMode: step.groupMode,
    config: { ...step.config },
  };
}

export function newDraft(type: string): StepDraft {
  const definition = stepType(type);
  return {
    type,
    title: '',
    instructions: '',
    minutes: String(definition?.defaultMinutes ?? 10),
    materials: '',
    groupMode: 'room',
    config: { ...((definition?.defaultConfig as Record<string, unknown> | undefined) ?? {}) },
  };
}

/**
 * Switches the type: the new type's default config (keeping values of keys both types share),
 * and its default minutes unless the facilitator had changed the minutes.
 */
export function changeType(draft: StepDraft, type: string): StepDraft {
  const before = stepType(draft.type);
  const after = stepType(type);
  const defaults = (after?.defaultConfig as Record<string, unknown> | undefined) ?? {};
  const config: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    if (key in draft.config) config[key] = draft.config[key];
  }
  const untouched = before !== undefined && draft.minutes === String(before.defaultMinutes);
  const minutes = untouched && after ? String(after.defaultMinutes) : draft.minutes;
  return { ...draft, type, config, minutes };
}

function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= STEP_MINUTES_MAX ? value : null;
}

/** The draft as a step input the core accepts, or the first problem to show. */
export function draftToInput(draft: StepDraft): StepInput | { problem: DraftProblem } {
  if (draft.title.trim().length === 0) return { problem: 'title-missing' };
  const minutes = parseMinutes(draft.minutes);
  if (minutes === null) return { problem: 'minutes-invalid' };
  const input: StepInput = {
    type: draft.type,
    title: draft.title.trim(),
    instructions: draft.instructions,
    minutes,
    materials: draft.materials,
    groupMode: draft.groupMode,
    config: { ...draft.config },
  };
  return isStep(parseStep(input)) ? input : { problem: 'invalid' };
}
