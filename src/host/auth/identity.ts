import type { PresenceUser } from '../../core/presence';
import type { DocName } from '../../core/workshop/doc-names';
import type { ParticipantRecord } from '../persistence/session-store';

/** Who is behind a token. Names and roles come from here, never from what a client claims. */
export type Identity =
  | { readonly kind: 'facilitator' }
  | {
      readonly kind: 'participant';
      readonly sessionId: string;
      readonly participant: ParticipantRecord;
      /** What the participant's entries in the shared board are keyed by, never the id (pseudonym.ts). */
      readonly pseudonym: string;
    };

/** The facilitator writes everything; a participant writes only `board` of its own session. */
export function mayWrite(identity: Identity, sessionId: string, doc: DocName): boolean {
  if (identity.kind === 'facilitator') return true;
  return identity.sessionId === sessionId && doc === 'board';
}

/** Participants read `control` and `board` of their own session; `vault` is the facilitator's alone. */
export function mayRead(identity: Identity, sessionId: string, doc?: DocName): boolean {
  if (identity.kind === 'facilitator') return true;
  return identity.sessionId === sessionId && doc !== 'vault';
}

/**
 * What others see of this connection in presence. An anonymous participant shows no name; their
 * participant id is shown (an opaque id, never a name) so the facilitator can seat them at a table.
 */
export function presenceOf(identity: Identity): PresenceUser {
  if (identity.kind === 'facilitator') return { name: null, role: 'facilitator', participantId: null };
  const { participant } = identity;
  return participant.anonymous
    ? { name: null, role: participant.role, participantId: participant.id }
    : { name: participant.name, role: participant.role, participantId: participant.id };
}
