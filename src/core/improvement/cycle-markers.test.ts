import { describe, expect, it } from 'vitest';
import { changeIdeaLetter, cycleCode } from './cycle-markers';

describe('cycle marker codes', () => {
  it('letters change ideas A…Z, then AA, AB…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(changeIdeaLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('writes a cycle as letter·number, or the number alone without a letter', () => {
    expect(cycleCode(8, 'B')).toBe('B·8');
    expect(cycleCode(8, null)).toBe('8');
  });
});
