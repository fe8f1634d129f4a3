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
}

export const DotVotingConfigSchema = z.object({
  votesPerPerson: z.number().int().min(1).max(20),
  /** Whether one person may put several of their votes on the same note. */
  allowStacking: z.boolean(),
  /** Which earlier step's notes are voted on; null = every visible note. */
  sourceStepId: z.string().max(40).nullable(),
});
export type DotVotingConfig = z.infer<typeof DotVotingConfigSchema>;

export const GroupingConfigSchema = z.object({
  sourceStepId: z.string().max(40).nullable(),
});
export type GroupingConfig = z.infer<typeof GroupingConfigSchema>;

const NoConfigSchema = z.object({});

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

registerStepType({
  id: 'note-board',
  acceptsNotes: true,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: NoConfigSchema,
  defaultConfig: {},
  defaultMinutes: 15,
});

registerStepType({
  id: 'silent-writing',
  acceptsNotes: true,
  privateUntilReveal: true,
  acceptsVotes: false,
  configSchema: NoConfigSchema,
  defaultConfig: {},
  defaultMinutes: 10,
});

registerStepType<GroupingConfig>({
  id: 'grouping',
  acceptsNotes: false,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: GroupingConfigSchema,
  defaultConfig: { sourceStepId: null },
  defaultMinutes: 15,
});

registerStepType<DotVotingConfig>({
  id: 'dot-voting',
  acceptsNotes: false,
  privateUntilReveal: false,
  acceptsVotes: true,
  configSchema: DotVotingConfigSchema,
  defaultConfig: { votesPerPerson: 3, allowStacking: false, sourceStepId: null },
  defaultMinutes: 10,
});

/** An information step (welcome, break, wrap-up): no input, just the text and the timer. */
registerStepType({
  id: 'info',
  acceptsNotes: false,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: NoConfigSchema,
  defaultConfig: {},
  defaultMinutes: 5,
});
