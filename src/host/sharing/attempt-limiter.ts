/**
 * Slows down and then refuses repeated wrong join codes: per address, and for the whole host (so
 * many devices together cannot walk the 10^6 codes either).
 *
 * Per address: the first FREE_FAILURES wrong tries are answered at once; after that each answer waits
 * a growing delay; after MAX_FAILURES in the window the address is refused until the window passes.
 */
export interface AttemptLimits {
  readonly windowMs: number;
  readonly freeFailures: number;
  readonly maxFailures: number;
  readonly delayStepMs: number;
  readonly globalMaxFailures: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  windowMs: 10 * 60_000,
  freeFailures: 3,
  maxFailures: 10,
  delayStepMs: 500,
  globalMaxFailures: 200,
};

export type AttemptVerdict = { readonly allowed: true; readonly delayMs: number } | { readonly allowed: false };

export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private global: number[] = [];

  constructor(
    private readonly limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  check(address: string): AttemptVerdict {
    const recent = this.recent(address);
    this.global = this.global.filter((t) => t > this.now() - this.limits.windowMs);
    if (recent.length >= this.limits.maxFailures || this.global.length >= this.limits.globalMaxFailures) {
      return { allowed: false };
    }
    const over = recent.length - this.limits.freeFailures;
    return { allowed: true, delayMs: over > 0 ? over * this.limits.delayStepMs : 0 };
  }

  fail(address: string): void {
    const list = this.recent(address);
    list.push(this.now());
    this.failures.set(address, list);
    this.global.push(this.now());
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    return (this.failures.get(address) ?? []).filter((t) => t > cutoff);
  }
}
