import { describe, expect, it } from 'vitest';
import { newCycle } from '../../../core/improvement/model';
import { currentPart, partStarted } from './cycle-status';

describe('how far a PDSA cycle has come', () => {
  it('is Planera for a new cycle, and the furthest part with something in it after that', () => {
    const cycle = newCycle({ cycles: [] }, 'idea', 'c1', null, 0);
    expect(currentPart(cycle)).toBe('plan');
    const planned = { ...cycle, plan: { ...cycle.plan, objective: 'Lära oss' } };
    expect(currentPart(planned)).toBe('plan');
    const studied = { ...planned, study: { ...planned.study, improved: 'yes' as const } };
    expect(partStarted(studied, 'do')).toBe(false);
    expect(currentPart(studied)).toBe('study');
    expect(currentPart({ ...studied, act: { decision: 'adapt' as const, nextSteps: '' } })).toBe('act');
  });
});
