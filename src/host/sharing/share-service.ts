import QRCode from 'qrcode';
import { DomainError } from '../../core/errors';
import { normalizeJoinCode } from '../../core/join-code';
import type { JoinBody, JoinResponse, ShareResponse } from '../../contracts/http';
import { CLOSE_CODES } from '../../contracts/sync';
import { createParticipantToken, hashToken, randomId, randomJoinCode, randomToken, sameSecret } from '../auth/tokens';
import { pseudonymOf } from '../auth/pseudonym';
import type { ShareRecord } from '../persistence/session-store';
import type { ListenerSet } from '../server/listeners';
import type { SessionManager } from '../sessions/session-manager';
import type { AttemptLimiter } from './attempt-limiter';
import { isLoopback, listAddresses } from './network';

/** Join codes expire at the end of the day they were made (local time), unless shared again. */
export function endOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}

interface ShareServiceOptions {
  readonly manager: SessionManager;
  readonly listeners: ListenerSet;
  readonly limiter: AttemptLimiter;
  /** The port of the main listener; LAN listeners try the same one so URLs stay familiar. */
  readonly mainPort: () => number;
  readonly mainAddress: string;
  readonly now?: () => number;
  readonly log: (line: string) => void;
}

/**
 * Opening sessions to the room: join code + secret, the LAN listener, joining, closing.
 * The code→session and secret→session maps live in memory and are rebuilt from the files at start.
 */
export class ShareService {
  private readonly byCode = new Map<string, string>();
  private readonly bySecret = new Map<string, string>();
  private readonly now: () => number;

  constructor(private readonly options: ShareServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Re-opens the sessions that were shared when the host last stopped (a crash must not end a workshop). */
  async restore(): Promise<void> {
    for (const listing of this.options.manager.inspectAll()) {
      if (listing.status !== 'ok' || !listing.share) continue;
      if (listing.share.expiresAt <= this.now()) continue;
      try {
        await this.ensureListener(listing.share.address);
        this.index(listing.id, listing.share);
      } catch (error) {
        this.options.log(`session ${listing.id}: could not reopen on ${listing.share.address}: ${(error as Error).message}`);
      }
    }
  }

  async share(sessionId: string, requestedAddress?: string): Promise<ShareResponse> {
    const session = this.options.manager.open(sessionId);
    const address = requestedAddress ?? this.defaultAddress();
    this.checkAddress(address);
    await this.ensureListener(address);
    const existing = session.store.share();
    const keep = existing && existing.expiresAt > this.now();
    const record: ShareRecord = {
      joinCode: keep ? existing.joinCode : this.freshCode(),
      joinSecret: keep ? existing.joinSecret : randomToken(24),
      address,
      expiresAt: keep ? existing.expiresAt : endOfDay(this.now()),
      createdAt: keep ? existing.createdAt : this.now(),
    };
    session.store.setShare(record);
    if (existing) this.unindex(existing);
    this.index(sessionId, record);
    if (existing && existing.address !== address) await this.releaseListener(existing.address);
    return this.describe(sessionId, record);
  }

  async current(sessionId: string): Promise<ShareResponse | null> {
    const record = this.options.manager.open(sessionId).store.share();
    return record ? this.describe(sessionId, record) : null;
  }

  isShared(sessionId: string): boolean {
    return this.options.manager.open(sessionId).store.share() !== null;
  }

  /** New code and link for a shared session; the old ones stop working at once. */
  async regenerate(sessionId: string): Promise<ShareResponse> {
    const session = this.options.manager.open(sessionId);
    const existing = session.store.share();
    if (!existing) throw new DomainError('session-not-shared');
    const record: ShareRecord = {
      ...existing,
      joinCode: this.freshCode(),
      joinSecret: randomToken(24),
      expiresAt: endOfDay(this.now()),
      createdAt: this.now(),
    };
    session.store.setShare(record);
    this.unindex(existing);
    this.index(sessionId, record);
    return this.describe(sessionId, record);
  }

  /** Stops sharing: the code and link stop working and participants are disconnected. */
  async close(sessionId: string): Promise<void> {
    const session = this.options.manager.open(sessionId);
    const record = session.store.share();
    session.store.setShare(null);
    this.options.manager.backup(sessionId, 'close');
    for (const room of Object.values(session.rooms)) {
      room.closeAll(CLOSE_CODES.sessionClosed, 'session closed by the facilitator', (c) => c.isParticipant);
    }
    if (record) {
      this.unindex(record);
      await this.releaseListener(record.address);
    }
  }

  /** Forgets a deleted session's code and listener. */
  async forget(sessionId: string): Promise<void> {
    for (const [secret, id] of this.bySecret) if (id === sessionId) this.bySecret.delete(secret);
    for (const [code, id] of this.byCode) if (id === sessionId) this.byCode.delete(code);
    for (const address of this.options.listeners.addresses()) await this.releaseListener(address);
  }

  /** Finds the session for a code or secret, counting wrong tries against the caller's address. */
  async resolve(body: { code?: string; secret?: string }, clientAddress: string): Promise<string> {
    const verdict = this.options.limiter.check(clientAddress);
    if (!verdict.allowed) throw new DomainError('too-many-attempts');
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const sessionId = body.secret ? this.bySecret.get(body.secret) : this.lookupCode(body.code ?? '');
    if (!sessionId) {
      this.options.limiter.fail(clientAddress);
      throw new DomainError('wrong-code');
    }
    const record = this.options.manager.open(sessionId).store.share();
    if (!record || (body.secret && !sameSecret(record.joinSecret, body.secret))) {
      this.options.limiter.fail(clientAddress);
      throw new DomainError('wrong-code');
    }
    if (record.expiresAt <= this.now()) throw new DomainError('code-expired');
    this.options.limiter.succeed(clientAddress);
    return sessionId;
  }

  async join(body: JoinBody, clientAddress: string): Promise<JoinResponse> {
    const sessionId = await this.resolve(body, clientAddress);
    const session = this.options.manager.open(sessionId);
    const anonymous = body.anonymous === true || !body.name;
    const name = anonymous ? null : (body.name ?? null);
    const token = createParticipantToken(sessionId);
    const participantId = randomId();
    const tokenHash = hashToken(token);
    session.store.addParticipant(
      { id: participantId, name, role: body.role, anonymous, createdAt: this.now(), revokedAt: null },
      tokenHash,
    );
    return {
      sessionId,
      sessionTitle: session.store.meta().title,
      token,
      participantId,
      pseudonym: pseudonymOf(tokenHash, sessionId, participantId),
      name,
      role: body.role,
      anonymous,
    };
  }

  private lookupCode(input: string): string | undefined {
    const code = normalizeJoinCode(input);
    return code ? this.byCode.get(code) : undefined;
  }

  private freshCode(): string {
    for (;;) {
      const code = randomJoinCode();
      if (!this.byCode.has(code)) return code;
    }
  }

  private index(sessionId: string, record: ShareRecord): void {
    this.byCode.set(record.joinCode, sessionId);
    this.bySecret.set(record.joinSecret, sessionId);
  }

  private unindex(record: ShareRecord): void {
    this.byCode.delete(record.joinCode);
    this.bySecret.delete(record.joinSecret);
  }

  private defaultAddress(): string {
    return listAddresses().find((a) => !a.internal)?.address ?? this.options.mainAddress;
  }

  private checkAddress(address: string): void {
    if (isLoopback(address) || address === this.options.mainAddress) return;
    if (!listAddresses().some((a) => a.address === address)) {
      throw new DomainError('address-unavailable', `${address} is not an address of this machine`);
    }
  }

  private async ensureListener(address: string): Promise<void> {
    if (this.servesAddress(address)) return;
    await this.options.listeners.listen(address, this.options.mainPort());
  }

  /** The main listener serves its own address (a wildcard one serves every address). */
  private servesAddress(address: string): boolean {
    const main = this.options.mainAddress;
    return address === main || main === '0.0.0.0';
  }

  /** Stops listening on an address when no shared session uses it any more. */
  private async releaseListener(address: string): Promise<void> {
    if (this.servesAddress(address)) return;
    const stillUsed = this.options.manager
      .inspectAll()
      .some((l) => l.share?.address === address);
    if (!stillUsed) await this.options.listeners.close(address);
  }

  private async describe(sessionId: string, record: ShareRecord): Promise<ShareResponse> {
    const port = this.options.listeners.portOf(record.address) ?? this.options.mainPort();
    const joinUrl = `http://${record.address}:${port}/#join=${record.joinSecret}`;
    const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      sessionId,
      joinCode: record.joinCode,
      joinUrl,
      joinSecret: record.joinSecret,
      qrSvg,
      address: record.address,
      port,
      expiresAt: record.expiresAt,
    };
  }
}
