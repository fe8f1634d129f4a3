/** Times and sizes in the safety panels, with Intl for the UI language. */
import { INTL_LOCALES, type Language } from '../../i18n';

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "3 mars 2025 14:05" another day; `seconds` adds them (backups can be a minute apart). */
export function formatWhen(ms: number, language: Language, { seconds = false, now = Date.now() } = {}): string {
  const timeStyle = seconds ? 'medium' : 'short';
  const options: Intl.DateTimeFormatOptions = sameDay(new Date(ms), new Date(now))
    ? { timeStyle }
    : { dateStyle: 'medium', timeStyle };
  return new Intl.DateTimeFormat(INTL_LOCALES[language], options).format(ms);
}

/** Bytes as kilobytes, "12,3" (sv) or "12.3" (en); at least 0.1 for a file that is not empty. */
export function formatKilobytes(bytes: number, language: Language): string {
  const kb = bytes / 1024;
  return new Intl.NumberFormat(INTL_LOCALES[language], {
    maximumFractionDigits: kb < 10 ? 1 : 0,
  }).format(bytes > 0 ? Math.max(kb, 0.1) : 0);
}
