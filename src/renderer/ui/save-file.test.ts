import { describe, expect, it } from 'vitest';
import { fileStem } from './save-file';

describe('file names for saved files', () => {
  it('keeps Swedish letters and digits, turns the rest into single dashes, and falls back when nothing is left', () => {
    expect(fileStem('  Vårdmöte: flöde/överlämning 2026 ', 'x')).toBe('Vårdmöte-flöde-överlämning-2026');
    expect(fileStem('!!!', 'diagram')).toBe('diagram');
    expect(fileStem('a'.repeat(80), 'x')).toHaveLength(60);
  });
});
