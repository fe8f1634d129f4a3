/** Dates and times formatted with Intl for the UI language (sv-SE, en-GB). */
import { INTL_LOCALES, type Language } from './index';

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

export function formatTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { timeStyle: 'short' }).format(ms);
}
