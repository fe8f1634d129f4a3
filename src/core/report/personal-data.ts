import type { ReportLanguage } from './report-model';

/**
 * A scrubber for personal data typed into free text (issue #6, "Privacy in exports"): Swedish
 * personnummer and samordningsnummer, Swedish phone numbers and e-mail addresses. It flags what it
 * finds so the facilitator is warned before exporting, and masks it when asked (`scrub=mask`).
 *
 * It is a help, not a guarantee: a name or a diagnosis in a note is not a pattern. False alarms are
 * kept few on purpose: a personnummer must have a valid date and check digit (Luhn), a phone number
 * must start like a Swedish one.
 */
export const PERSONAL_DATA_KINDS = ['personnummer', 'phone', 'email'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** YYMMDD or YYYYMMDD, an optional - or + (+ for people over 100), then four digits. */
const PERSONNUMMER = /(?<![\d-])((?:\d{2})?)(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d-])/g;
/** +46 / 0046 / 0, then 7–9 more digits, spaces or dashes between; e.g. 070-123 45 67, +46 8 123 456 78. */
const PHONE = /(?<![\d+\w])(?:\+46|0046|0)[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){6,8}(?![\d])/g;
/**
 * The parts are bounded as e-mail allows (a local part of at most 64 characters, labels of at most
 * 63): unbounded `+` and `*` made the scan quadratic, and a 40,000-letter text without an @ took
 * 5 s, a 400,000-letter group title minutes, with the host answering no one (found by tests/fuzz).
 */
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){0,126}\.\p{L}{2,63}/gu;

/** The Luhn check over the ten digits YYMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  // Samordningsnummer add 60 to the day.
  const realDay = d > 60 ? d - 60 : d;
  return m >= 1 && m <= 12 && realDay >= 1 && realDay <= 31;
}

export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(PERSONNUMMER)) {
    const [whole, century = '', yy = '', mm = '', dd = '', , last = ''] = m;
    if (century !== '' && !/^(18|19|20)$/.test(century)) continue;
    if (!plausibleDate(mm, dd) || !luhnValid(`${yy}${mm}${dd}${last}`)) continue;
    found.push({ kind: 'personnummer', start: m.index, end: m.index + whole.length, text: whole });
  }
  const overlaps = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);
  for (const m of text.matchAll(EMAIL)) {
    if (!overlaps(m.index, m.index + m[0].length)) found.push({ kind: 'email', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(PHONE)) {
    const end = m.index + m[0].length;
    if (!overlaps(m.index, end)) found.push({ kind: 'phone', start: m.index, end, text: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

const MASKS: Readonly<Record<ReportLanguage, Readonly<Record<PersonalDataKind, string>>>> = {
  sv: { personnummer: '[personnummer borttaget]', phone: '[telefonnummer borttaget]', email: '[e-postadress borttagen]' },
  en: { personnummer: '[ID number removed]', phone: '[phone number removed]', email: '[e-mail address removed]' },
};

export function maskText(kind: PersonalDataKind, lang: ReportLanguage): string {
  return MASKS[lang][kind];
}

/** The text with every finding replaced by a plain marker ("[telefonnummer borttaget]"). */
export function maskPersonalData(text: string, lang: ReportLanguage): string {
  const findings = findPersonalData(text);
  if (findings.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + MASKS[lang][f.kind];
    at = f.end;
  }
  return out + text.slice(at);
}

/** Masks every string inside a JSON-like value (keys are left alone: they are ids, not free text). */
export function maskDeep<T>(value: T, lang: ReportLanguage): T {
  if (typeof value === 'string') return maskPersonalData(value, lang) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, lang)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, lang)])) as T;
  }
  return value;
}
