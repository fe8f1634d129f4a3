/** Dates and numbers of improvements, formatted for the UI language (one formatter per language). */
import { INTL_LOCALES, type Language } from '../../i18n';

const dates = new Map<Language, Intl.DateTimeFormat>();
const numbers = new Map<Language, Intl.NumberFormat>();

/** "2026-03-12" → "12 mars 2026" / "12 Mar 2026" (a calendar day: no time zone shifts it). */
export function formatIsoDate(iso: string, language: Language): string {
  let format = dates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dates.set(language, format);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return format.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A day from a timestamp, in local time ("12 mars 2026"). */
export function formatDay(ms: number, language: Language): string {
  const day = new Date(ms);
  return formatIsoDate(`${day.getFullYear()}-${day.getMonth() + 1}-${day.getDate()}`, language);
}

export function formatNumber(value: number, language: Language): string {
  let format = numbers.get(language);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 2 });
    numbers.set(language, format);
  }
  return format.format(value);
}
