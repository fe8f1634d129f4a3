import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter';

describe('attempt limiter', () => {
  const limits = { windowMs: 1000, freeFailures: 2, maxFailures: 4, delayStepMs: 100, globalMaxFailures: 6 };

  it('answers the first tries at once, then slows down, then refuses, per address', () => {
    let now = 0;
    const limiter = new AttemptLimiter(limits, () => now);
    expect(limiter.check('a')).toEqual({ allowed: true, delayMs: 0 });
    limiter.fail('a');
    limiter.fail('a');
    expect(limiter.check('a')).toEqual({ allowed: true, delayMs: 0 });
    limiter.fail('a');
    expect(limiter.check('a')).toEqual({ allowed: true, delayMs: 100 });
    limiter.fail('a');
    expect(limiter.check('a')).toEqual({ allowed: false });
    expect(limiter.check('b')).toEqual({ allowed: true, delayMs: 0 });
    now = 1001;
    expect(limiter.check('a')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('refuses everyone when too many wrong codes come from all addresses together', () => {
    const limiter = new AttemptLimiter(limits, () => 0);
    for (let i = 0; i < 6; i++) limiter.fail(`device-${i}`);
    expect(limiter.check('new-device')).toEqual({ allowed: false });
  });

  it('forgets an address after a right code', () => {
    const limiter = new AttemptLimiter(limits, () => 0);
    for (let i = 0; i < 3; i++) limiter.fail('a');
    limiter.succeed('a');
    expect(limiter.check('a')).toEqual({ allowed: true, delayMs: 0 });
  });
});
