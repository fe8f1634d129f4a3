import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** 256 bits, URL-safe. Used for every token and join secret (the brief asks ≥128 bits for secrets). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares secrets in constant time (by their hashes, so lengths need not match). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * A participant token names its session so the host finds the right file without scanning all:
 * `p.<sessionId>.<secret>`. Only its hash is stored.
 */
export function createParticipantToken(sessionId: string): string {
  return `p.${sessionId}.${randomToken()}`;
}

export function sessionIdOfParticipantToken(token: string): string | null {
  const match = /^p\.([a-z0-9]{16})\.[A-Za-z0-9_-]{20,}$/.exec(token);
  return match?.[1] ?? null;
}

/** Random lowercase id for sessions and participants (16 chars of base32, 80 bits). */
export function randomId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(randomBytes(16), (b) => alphabet[b & 31]).join('');
}

/** Six random digits for the typed join code. */
export function randomJoinCode(): string {
  const n = randomBytes(4).readUInt32BE(0) % 1_000_000;
  return String(n).padStart(6, '0');
}

/**
 * The facilitator token, kept in the data folder (mode 0600) so a restarted host — or a restarted
 * app — still accepts the facilitator's open windows.
 */
export function loadOrCreateFacilitatorToken(dataDir: string): string {
  const path = join(dataDir, 'host-secret.json');
  if (existsSync(path)) {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as { facilitatorToken?: unknown };
      if (typeof parsed.facilitatorToken === 'string' && parsed.facilitatorToken.length >= 32) {
        return parsed.facilitatorToken;
      }
    } catch {
      // A damaged secret file is replaced: the only loss is that open facilitator windows sign in again.
    }
  }
  const token = `f.${randomToken()}`;
  writeFileSync(path, JSON.stringify({ facilitatorToken: token }), { mode: 0o600 });
  chmodSync(path, 0o600);
  return token;
}
