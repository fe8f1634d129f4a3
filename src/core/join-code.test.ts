import { describe, expect, it } from 'vitest';
import { formatJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
  it('accepts the ways people type six digits', () => {
    for (const typed of ['482913', '482 913', ' 482-913 ', '48 29 13']) expect(normalizeJoinCode(typed)).toBe('482913');
  });
  it('refuses anything that cannot be a code', () => {
    for (const typed of ['', '48291', '4829134', 'abcdef', '48291x']) expect(normalizeJoinCode(typed)).toBeNull();
  });
  it('formats a code for reading aloud', () => {
    expect(formatJoinCode('482913')).toBe('482 913');
  });
});
