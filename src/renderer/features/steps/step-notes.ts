/**
 * Which notes a step shows, and what a step's config means for the screens. Pure functions over
 * core values, so the phone, the cockpit and the projector always agree on what belongs where.
 */
import type { Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import type { RunState } from '../../../core/workshop/run-state';
import {
  DotVotingConfigSchema,
  GroupingConfigSchema,
  stepType,
  type DotVotingConfig,
} from '../../../core/workshop/step-types';

const FALLBACK_VOTING: DotVotingConfig = { votesPerPerson: 3, allowStacking: false, sourceStepId: null };

/** The step's dot-voting config, or the type's defaults when the stored one is damaged. */
export function votingConfig(step: Step): DotVotingConfig {
  const parsed = DotVotingConfigSchema.safeParse(step.config);
  return parsed.success ? parsed.data : FALLBACK_VOTING;
}

/** The step whose notes a grouping or voting step works on; null = every note on the board. */
export function sourceStepId(step: Step): string | null {
  if (step.type === 'dot-voting') return votingConfig(step).sourceStepId;
  const parsed = GroupingConfigSchema.safeParse(step.config);
  return parsed.success ? parsed.data.sourceStepId : null;
}

/** Notes written in this step (and, in a group step seen by a group member, only that group's). */
export function notesOfStep(notes: readonly Note[], step: Step, groupId: string | null = null): Note[] {
  return notes.filter((n) => n.stepId === step.id && (groupId === null || n.groupId === groupId));
}

/** The notes a grouping or voting step works on: its source step's, or all visible ones. */
export function sourceNotes(notes: readonly Note[], step: Step): Note[] {
  const source = sourceStepId(step);
  return source === null ? notes.filter((n) => n.stepId !== step.id) : notes.filter((n) => n.stepId === source);
}

export function isSilentWriting(step: Step): boolean {
  return stepType(step.type)?.privateUntilReveal === true;
}

export function acceptsNotes(step: Step): boolean {
  return stepType(step.type)?.acceptsNotes === true;
}

export function acceptsVotes(step: Step): boolean {
  return stepType(step.type)?.acceptsVotes === true;
}

/**
 * Whether voting results are shown to the room: once the facilitator closes input (lock) or the
 * step's time is up. Until then people vote without being steered by the counts.
 */
export function votingResultsVisible(run: RunState, remaining: number): boolean {
  return run.locked || (run.timer.status !== 'idle' && remaining <= 0);
}
