import type { Step } from '../../../core/workshop/agenda';
import type { NoteAuthor } from '../../../core/workshop/board';
import type { RunState } from '../../../core/workshop/run-state';
import type { ParticipantSession } from '../../storage/participant-session';
import type { SessionConnection } from '../../sync/provider';

/** What every participant step view gets: the live session, who I am, the step and the run. */
export interface ParticipantStepProps {
  readonly connection: SessionConnection;
  readonly record: ParticipantSession;
  readonly step: Step;
  readonly run: RunState;
  readonly online: boolean;
  /** My group's id in a group step (null in a room step or before groups are made). */
  readonly groupId: string | null;
}

/** The author fields of my notes: no name and no pseudonym when I chose to be anonymous. */
export function authorOf(record: ParticipantSession): NoteAuthor {
  return {
    role: record.role,
    anonymous: record.anonymous,
    ...(record.name ? { name: record.name } : {}),
    pseudonym: record.pseudonym,
  };
}

/** Where the unsent words of one step are kept on the phone. */
export function stepDraftScope(record: ParticipantSession, stepId: string | null): string {
  return stepId === null
    ? `${record.sessionId}:${record.participantId}`
    : `${record.sessionId}:${record.participantId}:${stepId}`;
}
