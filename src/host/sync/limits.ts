/**
 * Limits on what one client can send, each refused with its own close code and reason.
 *
 * How the numbers were chosen (docs/SECURITY.md, "Limits"): a note is at most 2,000 characters
 * (≤ 8 KB as UTF-8 in a Yjs update); a participant who types fast sends a few updates a second;
 * the stock client renews its presence every 15 s. A 200-person conference room with 2,000 notes
 * has a board of about 1 MB. Each limit is that need times a wide margin, so an honest client never
 * meets one and a hostile one cannot exhaust the host.
 */
export interface Limits {
  readonly participantMessageBytes: number;
  readonly facilitatorMessageBytes: number;
  readonly documentBytes: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly connectionsPerAddress: number;
  readonly connectionsPerSession: number;
  /** Loopback is this machine (the facilitator, the projector, benchmarks): no per-address cap. */
  readonly exemptLoopback: boolean;
}

export const LIMITS: Limits = {
  /** One WebSocket message from a participant (their offline edits come as one message on reconnect). */
  participantMessageBytes: 1024 * 1024,
  /** One message from the facilitator (may carry a whole offline agenda edit). */
  facilitatorMessageBytes: 16 * 1024 * 1024,
  /** A session document; past this participants' writes are refused (the facilitator may still moderate). */
  documentBytes: 64 * 1024 * 1024,
  /** Messages per second per connection, sustained, with a burst allowance. */
  messagesPerSecond: 40,
  messageBurst: 200,
  /** Open sockets from one LAN address (a phone opens 2–3; a laptop with tabs and a projector ~10). */
  connectionsPerAddress: 32,
  /** Open sockets per session (3 documents × 200 participants, plus margin). */
  connectionsPerSession: 1000,
  exemptLoopback: true,
};

/** A token bucket: `take()` is false once a client sends faster than the rate allows. */
export class RateBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts open sockets per key (address, session); loopback addresses are the host machine itself. */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string): () => void {
    this.counts.set(key, this.count(key) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.count(key) - 1;
      if (next <= 0) this.counts.delete(key);
      else this.counts.set(key, next);
    };
  }
}
