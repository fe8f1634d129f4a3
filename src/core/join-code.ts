/**
 * The short code a participant types. Digits only: every phone shows a number pad for them,
 * and older participants read "482 913" aloud without spelling letters.
 */
export const JOIN_CODE_LENGTH = 6;

/** Strips spaces, dashes and other separators a person may type; returns null if it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const digits = input.replace(/[\s\-–.]/g, '');
  return new RegExp(`^\\d{${JOIN_CODE_LENGTH}}$`).test(digits) ? digits : null;
}

/** "482913" → "482 913", the way the code is shown and read aloud. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
