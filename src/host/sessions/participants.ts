import { DomainError } from '../../core/errors';
import type { ParticipantSummary } from '../../contracts/http';
import { CLOSE_CODES } from '../../contracts/sync';
import type { LiveSession } from './live-session';

/** Everyone who joined, for the facilitator; an anonymous participant shows no name. */
export function listParticipants(session: LiveSession): ParticipantSummary[] {
  return session.store.listParticipants().map((p) => ({
    id: p.id,
    name: p.anonymous ? null : p.name,
    role: p.role,
    anonymous: p.anonymous,
    joinedAt: p.createdAt,
    removed: p.revokedAt !== null,
  }));
}

/** Revokes a participant's token and closes their connections; what they wrote stays. */
export function removeParticipant(session: LiveSession, participantId: string, now = Date.now()): void {
  if (!session.store.revokeParticipant(participantId, now)) throw new DomainError('not-found', `no participant ${participantId}`);
  session.disconnectParticipant(participantId, CLOSE_CODES.removed, 'removed by the facilitator');
}
