import { describe, expect, it } from 'vitest';
import { summarizeAnswered } from './answered-summary';

describe('who has answered', () => {
  it('names only people who gave a name, counts the rest, once each', () => {
    const people = [
      { participantId: 'p1', name: 'Anna', role: 'patient' as const },
      { participantId: 'p2', name: null, role: 'relative' as const },
    ];
    expect(summarizeAnswered(['p1', 'p2', 'p3', 'p1'], people)).toEqual({ names: ['Anna'], others: 2, total: 3 });
  });
});
