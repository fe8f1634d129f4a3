import { describe, expect, it } from 'vitest';
import { guardFormula } from './csv-export';
import { asciiFileName, contentDisposition, exportFileName } from './formats';
import { esc } from './markdown-report';

describe('export file names', () => {
  it('keeps Swedish letters, drops what no file system takes, and gives an ASCII fallback', () => {
    const name = exportFileName('Vårdmöte: "Ängsgården" / del 2?', '2026-11-23', 'docx');
    expect(name).toBe('Vårdmöte Ängsgården del 2 2026-11-23.docx');
    expect(asciiFileName(name)).toBe('Vardmote Angsgarden del 2 2026-11-23.docx');
    expect(contentDisposition(name)).toBe(
      `attachment; filename="Vardmote Angsgarden del 2 2026-11-23.docx"; filename*=UTF-8''V%C3%A5rdm%C3%B6te%20%C3%84ngsg%C3%A5rden%20del%202%202026-11-23.docx`,
    );
    expect(exportFileName('   ', '2026-11-23', 'csv', 'anteckningar')).toBe('Samskapa 2026-11-23 anteckningar.csv');
    expect(exportFileName('..\u0000hemlig', '2026-11-23', 'md')).toBe('hemlig 2026-11-23.md');
  });
});

describe('the CSV formula guard', () => {
  it('prefixes cells a spreadsheet would run, and only those', () => {
    for (const text of ['=1+1', '+46 70', '-3 dagar', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(text)).toBe(`'${text}`);
    for (const text of ['Bra', '3 = tre', 'e-post', '']) expect(guardFormula(text)).toBe(text);
  });
});

describe('Markdown escaping', () => {
  it('keeps a note from becoming markup', () => {
    expect(esc('# Rubrik *fet* [länk](x) <b> | a')).toBe('\\# Rubrik \\*fet\\* \\[länk\\](x) \\<b\\> \\| a');
    expect(esc('- punkt\n1. lista')).toBe('\\- punkt\n\\1. lista');
  });
});
