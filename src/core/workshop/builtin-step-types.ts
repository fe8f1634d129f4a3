import { z } from 'zod';
import { registerStepType } from './step-registry';

/** The step types of issue #3: the facilitation basics every workshop uses. */
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
