import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultExportFonts, EXPORT_FONT_FAMILY } from './fonts';

describe('export fonts', () => {
  it('finds DejaVu Sans regular, bold and its licence in resources/fonts', () => {
    const fonts = defaultExportFonts();
    expect(fonts.family).toBe(EXPORT_FONT_FAMILY);
    for (const path of [fonts.regular, fonts.bold, fonts.licence]) expect(existsSync(path), path).toBe(true);
    // A TrueType file starts with the sfnt version 0x00010000.
    expect(readFileSync(fonts.regular).readUInt32BE(0)).toBe(0x00010000);
    expect(readFileSync(fonts.bold).readUInt32BE(0)).toBe(0x00010000);
    expect(readFileSync(fonts.licence, 'utf8')).toContain('Bitstream');
  });
});
