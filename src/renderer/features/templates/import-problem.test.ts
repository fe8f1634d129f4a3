import { describe, expect, it } from 'vitest';
import { humanDetail } from './import-problem';

// A stand-in for the typed t(): returns the key and its values, so the test reads the mapping.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}${JSON.stringify(values)}` : key) as unknown as Parameters<typeof humanDetail>[0];

describe('humanDetail', () => {
  it('turns a step path into words', () => {
    expect(humanDetail(t, 'steps.2.minutes: Too big')).toBe(
      'templates.import.step{"number":3}, templates.field.minutes: Too big',
    );
    expect(humanDetail(t, 'steps.0.minutes: Too big: expected number to be <=480')).toBe(
      'templates.import.step{"number":1}, templates.field.minutes: templates.issue.maxNumber{"max":"480"}',
    );
  });
  it('keeps unknown parts and plain messages', () => {
    expect(humanDetail(t, '(file): not an object')).toBe('not an object');
    expect(humanDetail(t, 'weird.thing: x')).toBe('weird, thing: x');
    expect(humanDetail(t, 'no path here')).toBe('no path here');
  });
});
