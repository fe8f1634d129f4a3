import { describe, expect, it } from 'vitest';
import { isOwnAuthorId } from './own-author';

const writer = {
  participant: { id: 'p-anna', name: 'Anna', role: 'patient' as const, anonymous: false, createdAt: 1, revokedAt: null },
  pseudonym: 'Pz3kQm9xYb2A',
};

describe('isOwnAuthorId', () => {
  it('takes the writer’s pseudonym on a new entry, never their participant id or someone else’s', () => {
    expect(isOwnAuthorId('Pz3kQm9xYb2A', undefined, writer)).toBe(true);
    expect(isOwnAuthorId('p-anna', undefined, writer)).toBe(false);
    expect(isOwnAuthorId('someoneElse1', undefined, writer)).toBe(false);
    expect(isOwnAuthorId(undefined, undefined, writer)).toBe(false);
  });

  it('lets the writer edit an entry from before pseudonyms, keeping the participant id it carries', () => {
    expect(isOwnAuthorId('p-anna', 'p-anna', writer)).toBe(true);
    expect(isOwnAuthorId('p-anna', 'p-bo', writer)).toBe(false);
    expect(isOwnAuthorId('p-bo', 'p-bo', writer)).toBe(false);
  });
});
