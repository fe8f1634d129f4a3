import { describe, expect, it } from 'vitest';
import { clockOffset, extendTimer, formatRemaining, idleTimer, pauseTimer, remainingMs, startTimer } from './timer';

describe('step timer', () => {
  it('runs, pauses and resumes on the host clock', () => {
    let t = idleTimer(10 * 60_000);
    t = startTimer(t, 1_000);
    expect(remainingMs(t, 61_000)).toBe(9 * 60_000);
    t = pauseTimer(t, 61_000);
    expect(remainingMs(t, 999_999)).toBe(9 * 60_000);
    t = startTimer(t, 100_000);
    expect(remainingMs(t, 100_000)).toBe(9 * 60_000);
  });

  it('goes into overtime, and extending from overtime starts from now', () => {
    let t = startTimer(idleTimer(60_000), 0);
    expect(remainingMs(t, 90_000)).toBe(-30_000);
    t = extendTimer(t, 60_000, 90_000);
    expect(remainingMs(t, 90_000)).toBe(60_000);
    expect(extendTimer(idleTimer(60_000), 60_000, 0)).toEqual(idleTimer(120_000));
  });

  it('allows long durations and formats them for reading', () => {
    expect(formatRemaining(3 * 3600_000 + 5_000)).toBe('3:00:05');
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(-42_000)).toBe('−0:42');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(400)).toBe('0:01');
  });

  it('estimates the host clock from one round trip', () => {
    expect(clockOffset(1_000, 1_200, 5_100)).toBe(4_000);
  });
});
