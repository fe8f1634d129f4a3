import { answeredMap } from '../../core/workshop/moderation';
import { parseMarkKey } from '../../core/instruments/marks';
import { parseVoteKey } from '../../core/workshop/votes';
import type { Identity } from '../auth/identity';
import type { UpdateReading } from '../rules/update-reader';
import type { LiveSession } from './live-session';

/** The step a participant's accepted update answered (a first note or persona card in a step, a vote, a mark), if any. */
export function answeredStep(reading: UpdateReading): string | undefined {
  for (const write of reading.mapWrites) {
    if (write.root === 'votes') {
      const key = parseVoteKey(write.key);
      if (key) return key.stepId;
    }
    if (write.root === 'marks') {
      const key = parseMarkKey(write.key);
      if (key) return key.stepId;
    }
    if ((write.root === 'notes' || write.root === 'personaCards') && !write.existing) {
      const stepId = (write.values[0] as { stepId?: unknown } | undefined)?.stepId;
      if (typeof stepId === 'string') return stepId;
    }
  }
  return undefined;
}

/**
 * Adds a participant to "who has answered" for a step, in the control document (written by the
 * host). It lists participant ids, never what they wrote; the room sees it only if the facilitator
 * shows it.
 */
export function recordAnswered(session: LiveSession, stepId: string, identity: Identity): void {
  if (identity.kind !== 'participant') return;
  const id = identity.participant.id;
  const map = answeredMap(session.rooms.control.doc);
  if (map.get(stepId)?.includes(id)) return;
  session.hostWrite('control', () => map.set(stepId, [...(map.get(stepId) ?? []), id]));
}
