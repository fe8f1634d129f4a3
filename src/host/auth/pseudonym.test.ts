import { describe, expect, it } from 'vitest';
import { PSEUDONYM_LENGTH, pseudonymOf } from './pseudonym';
import { createParticipantToken, hashToken, randomId } from './tokens';

describe('pseudonymOf', () => {
  const sessionId = 'abcdefghijklmnop';
  const participantId = randomId();
  const tokenHash = hashToken(createParticipantToken(sessionId));

  it('is stable: the same participant gets the same pseudonym on every connection and after a restart', () => {
    expect(pseudonymOf(tokenHash, sessionId, participantId)).toBe(pseudonymOf(tokenHash, sessionId, participantId));
  });

  it('is 12 base64url characters, so it fits a vote or mark key (no "|")', () => {
    const pseudonym = pseudonymOf(tokenHash, sessionId, participantId);
    expect(pseudonym).toHaveLength(PSEUDONYM_LENGTH);
    expect(pseudonym).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('cannot be computed from the participant id alone: without the host’s secret it comes out different', () => {
    const pseudonym = pseudonymOf(tokenHash, sessionId, participantId);
    expect(pseudonym).not.toContain(participantId.slice(0, 6));
    expect(pseudonymOf(hashToken('another token'), sessionId, participantId)).not.toBe(pseudonym);
    expect(pseudonymOf('', sessionId, participantId)).not.toBe(pseudonym);
    expect(pseudonymOf(participantId, sessionId, participantId)).not.toBe(pseudonym);
  });

  it('differs between participants and between sessions', () => {
    const many = new Set(Array.from({ length: 2000 }, () => pseudonymOf(hashToken(createParticipantToken(sessionId)), sessionId, randomId())));
    expect(many.size).toBe(2000);
    expect(pseudonymOf(tokenHash, 'qrstuvwxyzabcdef', participantId)).not.toBe(pseudonymOf(tokenHash, sessionId, participantId));
    expect(pseudonymOf(tokenHash, sessionId, randomId())).not.toBe(pseudonymOf(tokenHash, sessionId, participantId));
  });
});
