import { describe, expect, it } from 'vitest';
import { formatKilobytes, formatWhen } from './format';

describe('safety formats', () => {
  const now = new Date(2025, 2, 3, 15, 0).getTime();

  it('shows only the time today, and the date on another day', () => {
    const today = new Date(2025, 2, 3, 14, 5, 9).getTime();
    expect(formatWhen(today, 'sv', { now })).toBe('14:05');
    expect(formatWhen(today, 'sv', { now, seconds: true })).toBe('14:05:09');
    const earlier = new Date(2025, 1, 28, 9, 30).getTime();
    expect(formatWhen(earlier, 'sv', { now })).toMatch(/28 feb\.? 2025 09:30/);
    expect(formatWhen(earlier, 'en', { now })).toMatch(/28 Feb 2025,? 09:30/);
  });

  it('shows kilobytes with the language’s decimal mark', () => {
    expect(formatKilobytes(12_595, 'sv')).toBe('12');
    expect(formatKilobytes(4_300, 'sv')).toBe('4,2');
    expect(formatKilobytes(4_300, 'en')).toBe('4.2');
    expect(formatKilobytes(20, 'en')).toBe('0.1');
    expect(formatKilobytes(0, 'en')).toBe('0');
  });
});
