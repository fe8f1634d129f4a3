import { describe, expect, it } from 'vitest';
import { publishResult } from '../../../../core/instruments/seven-questions-results';
import { gapKind, gapModel, wholePercents } from './gap-model';

describe('gap model', () => {
  it('rounds percents as the gap sentence does', () => {
    expect(wholePercents([1, 1, 1])).toEqual([33, 33, 33]);
    expect(wholePercents([1, 1])).toEqual([50, 50]);
    expect(wholePercents([2, 1, 0, 0])).toEqual([67, 33, 0, 0]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it('shows both sides with the gap in points, and hides a side below the threshold', () => {
    const records = [
      ...['ja', 'ja', 'nej', 'nej', 'delvis'].map((a) => ({ side: 'patient' as const, answers: { q1: a as 'ja', q2: 'ja' as const } })),
      ...['ja', 'ja', 'ja', 'ja', 'nej'].map((a) => ({ side: 'staff' as const, answers: { q1: a as 'ja' } })),
    ];
    const [q1, q2] = gapModel(publishResult(records, ['q1', 'q2'], 3, 's1', 0));
    expect(q1?.jaPercent).toEqual({ patient: 40, staff: 80 });
    expect(q1?.gapPoints).toBe(40);
    expect(q1 && gapKind(q1)).toBe('staff-higher');
    const bar = q1?.bars.patient;
    expect(bar?.hidden).toBe(false);
    if (bar && !bar.hidden) expect(bar.segments.map((s) => [s.answer, s.count, s.percent])).toEqual([['ja', 2, 40], ['delvis', 1, 20], ['nej', 2, 40], ['vet-inte', 0, 0]]);
    expect(q2?.bars.staff).toEqual({ hidden: true });
    expect(q2?.gapPoints).toBeNull();
    expect(q2 && gapKind(q2)).toBe('unknown');
  });

  it('leaves "vet inte" out of the share of ja', () => {
    const records = ['ja', 'vet-inte', 'vet-inte'].map((a) => ({ side: 'patient' as const, answers: { q1: a as 'ja' } }));
    const [q1] = gapModel(publishResult(records, ['q1'], 3, 's1', 0));
    expect(q1?.jaPercent.patient).toBe(100);
  });
});
