import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../api/client';
import { exportPath } from './exports-api';

describe('export requests', () => {
  const base = { lang: 'sv', kind: 'notes', separator: 'semicolon', mask: false } as const;

  it('asks the host for the chosen format, with the CSV table and separator only for CSV', () => {
    expect(exportPath('abc', { ...base, format: 'docx' })).toBe('/api/sessions/abc/export?format=docx&lang=sv');
    expect(exportPath('abc', { ...base, format: 'csv', kind: 'votes', separator: 'comma', lang: 'en' })).toBe('/api/sessions/abc/export?format=csv&lang=en&kind=votes&separator=comma');
    expect(exportPath('abc', { ...base, format: 'md', mask: true })).toBe('/api/sessions/abc/export?format=md&lang=sv&scrub=mask');
    expect(exportPath('a/b', { ...base, format: 'archive', mask: true })).toBe('/api/sessions/a%2Fb/archive');
  });

  it('takes the UTF-8 file name when there is one, the ASCII one otherwise', () => {
    const header = `attachment; filename="Vardmote 2026-11-23.md"; filename*=UTF-8''V%C3%A5rdm%C3%B6te%202026-11-23.md`;
    expect(fileNameOf(header, 'x')).toBe('Vårdmöte 2026-11-23.md');
    expect(fileNameOf('attachment; filename="Vardmote.md"', 'x')).toBe('Vardmote.md');
    expect(fileNameOf(`attachment; filename="a.md"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('a.md');
    expect(fileNameOf(null, 'samskapa.md')).toBe('samskapa.md');
  });
});
