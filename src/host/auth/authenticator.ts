import type { SessionManager } from '../sessions/session-manager';
import type { Identity } from './identity';
import { pseudonymOf } from './pseudonym';
import { hashToken, sameSecret, sessionIdOfParticipantToken } from './tokens';

/** Turns a bearer token into an identity, or null. Never throws: a bad token is simply no one. */
export class Authenticator {
  constructor(
    private readonly facilitatorToken: string,
    private readonly manager: SessionManager,
  ) {}

  identify(token: string | null | undefined): Identity | null {
    if (!token) return null;
    if (token.startsWith('f.')) return sameSecret(token, this.facilitatorToken) ? { kind: 'facilitator' } : null;
    const sessionId = sessionIdOfParticipantToken(token);
    if (!sessionId) return null;
    try {
      const tokenHash = hashToken(token);
      const participant = this.manager.open(sessionId).store.findParticipant(tokenHash);
      if (!participant || participant.revokedAt !== null) return null;
      return { kind: 'participant', sessionId, participant, pseudonym: pseudonymOf(tokenHash, sessionId, participant.id) };
    } catch {
      return null;
    }
  }

  /** Reads `Authorization: Bearer …`. */
  fromHeader(header: string | undefined): Identity | null {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    return this.identify(match?.[1]);
  }
}
