import { describe, expect, it } from 'vitest';
import { hasLonePatient, suggestedGroupCount } from './people';

describe('hasLonePatient', () => {
  it('warns for one patient-side person among staff', () => {
    expect(hasLonePatient([{ role: 'patient' }, { role: 'staff' }, { role: 'staff' }])).toBe(true);
    expect(hasLonePatient([{ role: 'relative' }, { role: 'other' }])).toBe(true);
  });
  it('does not warn for pairs, for a table of one, or for staff only', () => {
    expect(hasLonePatient([{ role: 'patient' }, { role: 'patient-rep' }, { role: 'staff' }])).toBe(false);
    expect(hasLonePatient([{ role: 'patient' }])).toBe(false);
    expect(hasLonePatient([{ role: 'staff' }, { role: 'staff' }])).toBe(false);
  });
});

describe('suggestedGroupCount', () => {
  it('suggests about five per table, between 2 and 12', () => {
    expect(suggestedGroupCount(0)).toBe(2);
    expect(suggestedGroupCount(20)).toBe(4);
    expect(suggestedGroupCount(200)).toBe(12);
  });
});
