/**
 * Dates and numbers on charts in the UI language. Chart dates are calendar days (`YYYY-MM-DD`),
 * formatted in UTC so a date never moves by a time zone. Formatters are built once per language.
 */
import type { DateTickUnit } from '../../../core/charts/ticks';
import type { ParamFormatters } from '../../../core/improvement/run-chart-rules-texts';
import { INTL_LOCALES, type Language } from '../../i18n';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function dateFormat(language: Language, style: 'short' | 'month' | 'year' | 'full'): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { day: 'numeric', month: 'short' }
        : style === 'month'
          ? { month: 'short', year: 'numeric' }
          : style === 'year'
            ? { year: 'numeric' }
            : { day: 'numeric', month: 'long', year: 'numeric' };
    format = new Intl.DateTimeFormat(INTL_LOCALES[language], { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A tick label: "3 mars" for days and weeks, "mars 2026" for months, "2026" for years. */
export function formatTickDate(iso: string, unit: DateTickUnit, language: Language): string {
  const style = unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'short';
  return dateFormat(language, style).format(toDate(iso));
}

/** A date in a sentence or table: "3 mars 2026". */
export function formatFullDate(iso: string, language: Language): string {
  return dateFormat(language, 'full').format(toDate(iso));
}

export function formatChartNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 2 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Formatters for the run chart's message parameters. */
export function messageFormatters(language: Language): ParamFormatters {
  return { date: (iso) => formatFullDate(iso, language), value: (v) => formatChartNumber(v, language) };
}
