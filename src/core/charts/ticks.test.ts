import { describe, expect, it } from 'vitest';
import { dateTicks, dayNumber, isoDate, niceScale, niceStep } from './ticks';

describe('nice ticks', () => {
  it('steps of 1, 2 or 5 × 10^k', () => {
    expect(niceStep(0, 10, 5)).toBe(2);
    expect(niceStep(0, 100, 4)).toBe(20);
    expect(niceStep(0, 1, 5)).toBe(0.2);
    expect(niceStep(0, 37, 5)).toBe(10);
    expect(niceStep(0, 30, 5)).toBe(5);
  });

  it('widens the domain to whole steps, without float noise', () => {
    expect(niceScale(0.3, 9.7, 5)).toMatchObject({ min: 0, max: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(niceScale(0.1, 0.7, 6).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceScale(21, 40, 4)).toMatchObject({ min: 20, max: 40, ticks: [20, 25, 30, 35, 40] });
  });

  it('opens a flat range so a line of equal values sits mid-chart', () => {
    const flat = niceScale(4, 4, 5);
    expect(flat.min).toBeLessThan(4);
    expect(flat.max).toBeGreaterThan(4);
    expect(niceScale(0, 0, 5)).toMatchObject({ min: -1, max: 1 });
  });
});

describe('date ticks', () => {
  it('counts whole UTC days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDate(dayNumber('2026-03-03'))).toBe('2026-03-03');
    expect(dayNumber('3 mars')).toBeNaN();
  });

  it('puts weekly ticks on Mondays', () => {
    const { unit, ticks } = dateTicks(dayNumber('2026-01-01'), dayNumber('2026-02-15'), 8);
    expect(unit).toBe('week');
    expect(ticks.map((t) => t.iso)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09']);
    for (const t of ticks) expect(new Date(`${t.iso}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('moves to months, quarters and years as the span grows', () => {
    expect(dateTicks(dayNumber('2026-01-10'), dayNumber('2026-06-20'), 6)).toMatchObject({ unit: 'month' });
    const quarters = dateTicks(dayNumber('2025-01-10'), dayNumber('2026-06-20'), 7);
    expect(quarters.ticks.map((t) => t.iso)).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01']);
    expect(dateTicks(dayNumber('2015-01-01'), dayNumber('2026-01-01'), 6).unit).toBe('year');
  });
});
