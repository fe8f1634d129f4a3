/**
 * Dates and times formatted with Intl for the UI language (sv-SE, en-GB).
 * Formatters are built once per language and kept: constructing an Intl.DateTimeFormat costs about
 * a millisecond, and a board of 2,000 notes formats a time per note on every render.
 */
import { INTL_LOCALES, type Language } from './index';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, kind: 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let cached = cache.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { timeStyle: 'short' };
    cached = new Intl.DateTimeFormat(INTL_LOCALES[language], options);
    cache.set(key, cached);
  }
  return cached;
}

export function formatDateTime(ms: number, language: Language): string {
  return formatter(language, 'dateTime').format(ms);
}

export function formatTime(ms: number, language: Language): string {
  return formatter(language, 'time').format(ms);
}
