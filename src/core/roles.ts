/**
 * The people in a co-design room. The ids are stable wire values (HOST-CONTRACT.md);
 * the words people read come from the renderer's translations (`role.<id>`).
 */
export const PARTICIPANT_ROLES = [
  'patient',
  'relative',
  'patient-rep',
  'staff',
  'facilitator-assistant',
  'other',
] as const;

export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Everyone who can hold a connection: participants, and the facilitator who runs the session. */
export type Role = ParticipantRole | 'facilitator';

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}
