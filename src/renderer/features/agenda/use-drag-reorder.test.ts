import { describe, expect, it } from 'vitest';
import { landingIndex } from './use-drag-reorder';

describe('landingIndex', () => {
  it('moves down past the row under the pointer', () => {
    expect(landingIndex(0, 2, true)).toBe(2);
    expect(landingIndex(0, 2, false)).toBe(1);
  });
  it('moves up before or after the row under the pointer', () => {
    expect(landingIndex(3, 1, false)).toBe(1);
    expect(landingIndex(3, 1, true)).toBe(2);
  });
  it('stays put when dropped on itself', () => {
    expect(landingIndex(2, 2, false)).toBe(2);
    expect(landingIndex(2, 2, true)).toBe(2);
  });
});
