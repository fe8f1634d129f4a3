import { describe, expect, it } from 'vitest';
import { parseDate, parsePastedPoints, parseValue } from './parse-points';

describe('pasted data points', () => {
  it('reads dates in ISO and day-first forms, and refuses dates that do not exist', () => {
    expect(parseDate('2026-03-01')).toBe('2026-03-01');
    expect(parseDate('2026-3-1')).toBe('2026-03-01');
    expect(parseDate('2026-03-01 08:00')).toBe('2026-03-01');
    expect(parseDate('1/3/2026')).toBe('2026-03-01');
    expect(parseDate('01.03.2026')).toBe('2026-03-01');
    expect(parseDate('1/3/26')).toBe('2026-03-01');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('31/4/2026')).toBeNull();
    expect(parseDate('mars')).toBeNull();
  });

  it('reads Swedish decimal commas, thousands spaces and percent signs', () => {
    expect(parseValue('3,5')).toBe(3.5);
    expect(parseValue('3.5')).toBe(3.5);
    expect(parseValue('1 200')).toBe(1200);
    expect(parseValue('1\u00a0200,25')).toBe(1200.25);
    expect(parseValue('\u22122')).toBe(-2);
    expect(parseValue('12 %')).toBe(12);
    expect(parseValue('tolv')).toBeNull();
    expect(parseValue('1,2,3')).toBeNull();
  });

  it('reads tab and semicolon columns, skips a header and blank lines, and names each bad line', () => {
    const text = 'Datum\tVärde\n2026-03-01\t12,5\n\n8/3/2026;14\n2026-03-15\tmånga\n2026-13-01\t3\n2026-03-29\n';
    const lines = parsePastedPoints(text);
    expect(lines).toEqual([
      { line: 2, ok: true, date: '2026-03-01', value: 12.5, text: '2026-03-01\t12,5' },
      { line: 4, ok: true, date: '2026-03-08', value: 14, text: '8/3/2026;14' },
      { line: 5, ok: false, problem: 'value', text: '2026-03-15\tmånga' },
      { line: 6, ok: false, problem: 'date', text: '2026-13-01\t3' },
      { line: 7, ok: false, problem: 'columns', text: '2026-03-29' },
    ]);
  });

  it('reads two values separated by spaces, as a plain text copy gives them', () => {
    expect(parsePastedPoints('2026-03-01 7,25')).toEqual([
      { line: 1, ok: true, date: '2026-03-01', value: 7.25, text: '2026-03-01 7,25' },
    ]);
  });
});
