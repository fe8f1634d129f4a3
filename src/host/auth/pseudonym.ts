import { createHmac } from 'node:crypto';

/** 12 base64url characters = 72 bits: no two people of a session collide, short enough for map keys. */
export const PSEUDONYM_LENGTH = 12;

/**
 * The name a participant's votes, marks, notes and persona cards carry in the shared board, in
 * place of their participant id (docs/SECURITY.md, "Pseudonyms").
 *
 * Why: the participant id is shown in presence and names people in the facilitator's groups, so a
 * board keyed by it would tell every device which votes and marks belong to one person, and — for
 * an anonymous participant — link them to that person's presence entry. The pseudonym is an HMAC
 * keyed with the hash of the participant's own token, a secret that only the host keeps (the
 * session file stores token hashes, never tokens); nobody else can compute it from the participant
 * id, or get the id back from it.
 *
 * Why this key and not a new per-session secret: the token hash already is one secret per
 * participant, kept in the session file, carried over by backups and restores, and it lives exactly
 * as long as the participant does — so the pseudonym is stable across reconnects, host restarts and
 * restores, and needs no change to the file's schema.
 */
export function pseudonymOf(tokenHash: string, sessionId: string, participantId: string): string {
  return createHmac('sha256', tokenHash)
    .update(`samskapa/pseudonym/v1\u0000${sessionId}\u0000${participantId}`)
    .digest('base64url')
    .slice(0, PSEUDONYM_LENGTH);
}
