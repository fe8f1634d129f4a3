import type { Role } from './roles';

/**
 * What a connection shows of itself in Yjs awareness under the key `user`.
 * The host overwrites it from the connection's token (a client cannot claim another name or role);
 * an anonymous participant's `name` is null.
 */
export interface PresenceUser {
  readonly name: string | null;
  readonly role: Role;
  readonly participantId: string | null;
}

export function isPresenceUser(value: unknown): value is PresenceUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.name === null || typeof v.name === 'string') &&
    typeof v.role === 'string' &&
    (v.participantId === null || typeof v.participantId === 'string')
  );
}
