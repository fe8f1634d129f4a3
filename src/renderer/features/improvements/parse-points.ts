/**
 * Data points pasted from a spreadsheet: two columns, a date and a value, one point a line.
 *
 * What a Swedish spreadsheet gives when its cells are copied: tab-separated columns (Excel, Numbers,
 * LibreOffice) or semicolons (a Swedish CSV, where the comma is the decimal sign), decimal commas
 * ("3,5"), spaces or non-breaking spaces as thousands separators ("1 200"), and dates written as
 * 2026-03-01, 2026-03-01 08:00 or 1/3/2026 (day first, the Swedish and British order). A header
 * line ("Datum;Värde") is skipped. Every other line that cannot be read is reported with its line
 * number and the reason, so the team can fix it before anything is added.
 */
import type { IsoDate } from '../../../core/improvement/model';

export type PasteProblem = 'columns' | 'date' | 'value';

export type PastedLine =
  | { readonly line: number; readonly ok: true; readonly date: IsoDate; readonly value: number; readonly text: string }
  | { readonly line: number; readonly ok: false; readonly problem: PasteProblem; readonly text: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;
const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A real calendar date as YYYY-MM-DD, or null (2026-02-30 is not a date). */
function calendarDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-03-01", "2026-3-1", "2026-03-01 08:00", "1/3/2026", "1.3.2026", "1/3/26" → "2026-03-01". */
export function parseDate(text: string): IsoDate | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) {
    const yearText = dayFirst[3] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return calendarDate(year, Number(dayFirst[2]), Number(dayFirst[1]));
  }
  return null;
}

/** "3,5", "3.5", "1 200", "−2", "12 %" → a finite number, or null. */
export function parseValue(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(/^\u2212/, '-');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

function columns(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  if (line.includes(';')) return line.split(';');
  // Two values separated by spaces ("2026-03-01 12"): the last word is the value.
  const match = /^(.*\S)\s+(\S+)$/.exec(line.trim());
  return match ? [match[1] ?? '', match[2] ?? ''] : [line];
}

/** Reads pasted text into lines: each a point, or a problem with its line number (1-based). */
export function parsePastedPoints(text: string): PastedLine[] {
  const out: PastedLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim().length === 0) return;
    const cells = columns(raw)
      .map((cell) => cell.trim())
      .filter((cell) => cell.length > 0);
    if (cells.length !== 2) {
      out.push({ line, ok: false, problem: 'columns', text: raw });
      return;
    }
    const date = parseDate(cells[0] ?? '');
    const value = parseValue(cells[1] ?? '');
    // A first line of words (a header) is not a point and not a mistake.
    if (out.length === 0 && date === null && value === null && !/\d/.test(raw)) return;
    if (date === null) out.push({ line, ok: false, problem: 'date', text: raw });
    else if (value === null) out.push({ line, ok: false, problem: 'value', text: raw });
    else out.push({ line, ok: true, date, value, text: raw });
  });
  return out;
}
