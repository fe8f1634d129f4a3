import { z } from 'zod';

/**
 * The registry of agenda step types. Each type says what participants do in it and carries its own
 * config schema; instruments of later issues (dialogduk, the seven questions, …) register here too,
 * and the agenda, run mode and host enforcement work from these definitions, not from a switch.
 */
export interface StepTypeDefinition<Config = unknown> {
  readonly id: string;
  /** Participants write notes on the board in this step. */
  readonly acceptsNotes: boolean;
  /** Notes stay with the host until the facilitator reveals them (silent writing). */
  readonly privateUntilReveal: boolean;
  /** Participants cast votes in this step. */
  readonly acceptsVotes: boolean;
  readonly configSchema: z.ZodType<Config>;
  readonly defaultConfig: Config;
  /** Default minutes when the facilitator adds a step of this type. */
  readonly defaultMinutes: number;
  /**
   * The questions a note of this step may answer (`Note.questionId`): a dialogue cloth's questions,
   * a reflection's prompts. Absent: notes of this step carry no question. The host checks the id.
   */
  noteQuestionIds?(config: Config): readonly string[];
  /** Notes the host writes for this step (private notes) carry no name and no id, whoever wrote them. */
  anonymousNotes?(config: Config): boolean;
  /**
   * Cells a participant may mark in the board's `marks` map (instruments/marks.ts), e.g. a matrix
   * cell "today:clinic:plan". Absent: the step takes no marks, and the host refuses them.
   */
  isMarkCell?(cell: string, config: Config): boolean;
  /** Participants may write persona cards (board `personaCards`) in this step. */
  readonly acceptsPersonaCards?: boolean;
}

const registry = new Map<string, StepTypeDefinition>();

/** Adds a step type. Ids are stable wire values stored in session files: never rename one. */
export function registerStepType<Config>(definition: StepTypeDefinition<Config>): void {
  if (registry.has(definition.id)) throw new Error(`step type ${definition.id} is already registered`);
  registry.set(definition.id, definition as StepTypeDefinition);
}

export function stepType(id: string): StepTypeDefinition | undefined {
  return registry.get(id);
}

export function stepTypeIds(): string[] {
  return [...registry.keys()];
}

/**
 * A step's config as its type's schema reads it (defaults filled in), or null when the type is
 * unknown or the stored config no longer parses (a session file from another version).
 */
export function stepConfig<Config = unknown>(step: { readonly type: string; readonly config: Readonly<Record<string, unknown>> }): Config | null {
  const definition = registry.get(step.type);
  if (!definition) return null;
  const parsed = definition.configSchema.safeParse({ ...(definition.defaultConfig as object), ...step.config });
  return parsed.success ? (parsed.data as Config) : null;
}
