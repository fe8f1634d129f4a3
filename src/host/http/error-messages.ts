import type { ErrorCode } from '../../core/errors';

/**
 * What the API says to a person when something fails, in Swedish and English. The renderer has its
 * own translations of the same codes; these serve scripts, curl and any client that shows `message`.
 */
const MESSAGES: Record<ErrorCode, { readonly sv: string; readonly en: string }> = {
  'bad-request': { sv: 'Förfrågan kunde inte läsas.', en: 'The request could not be read.' },
  unauthorized: { sv: 'Du behöver logga in igen.', en: 'You need to sign in again.' },
  forbidden: { sv: 'Det här får du inte göra.', en: 'You are not allowed to do this.' },
  'not-found': { sv: 'Det finns inget här.', en: 'There is nothing here.' },
  'wrong-code': {
    sv: 'Koden stämmer inte. Kontrollera siffrorna och försök igen.',
    en: 'That code is not right. Check the digits and try again.',
  },
  'code-expired': {
    sv: 'Koden gäller inte längre. Be facilitatorn om en ny.',
    en: 'That code is no longer valid. Ask the facilitator for a new one.',
  },
  'too-many-attempts': {
    sv: 'För många försök. Vänta en stund och försök igen.',
    en: 'Too many tries. Wait a while and try again.',
  },
  'session-not-shared': {
    sv: 'Sessionen är inte öppen för deltagare just nu.',
    en: 'The session is not open to participants right now.',
  },
  'session-unavailable': { sv: 'Sessionen kunde inte öppnas.', en: 'The session could not be opened.' },
  'session-corrupt': {
    sv: 'Sessionsfilen är skadad och kan inte öppnas. Inget har skrivits över.',
    en: 'The session file is damaged and cannot be opened. Nothing was overwritten.',
  },
  'session-too-new': {
    sv: 'Sessionen är sparad av en nyare version av Samskapa. Uppdatera appen.',
    en: 'The session was saved by a newer version of Samskapa. Update the app.',
  },
  'session-read-only': {
    sv: 'Sessionsfilen, eller mappen den ligger i, är skrivskyddad. Inget kan sparas i den, och inget har skrivits över. Ta bort skrivskyddet och öppna sessionen igen.',
    en: 'The session file, or the folder it is in, is read-only. Nothing can be saved in it, and nothing was overwritten. Remove the write protection and open the session again.',
  },
  'storage-failed': {
    sv: 'Det gick inte att spara på datorn (är disken full?). Inget sparat har gått förlorat.',
    en: 'Saving on the computer failed (is the disk full?). Nothing already saved was lost.',
  },
  'payload-too-large': { sv: 'Det du skickade är för stort.', en: 'What you sent is too large.' },
  'address-unavailable': {
    sv: 'Nätverksadressen finns inte på den här datorn.',
    en: 'That network address is not available on this computer.',
  },
  'invalid-template': {
    sv: 'Filen är inte en giltig Samskapa-mall.',
    en: 'The file is not a valid Samskapa template.',
  },
  'step-closed': {
    sv: 'Det går inte att svara på det här steget just nu.',
    en: 'This step is not taking answers right now.',
  },
  'revision-conflict': {
    sv: 'Någon annan har sparat ändringar i förbättringsarbetet medan du skrev. Läs in det på nytt; dina ändringar finns kvar att föra över.',
    en: 'Someone else saved changes to the improvement while you were writing. Reload it; your changes are still there to carry over.',
  },
  'improvement-not-found': { sv: 'Förbättringsarbetet finns inte.', en: 'The improvement does not exist.' },
  'improvement-corrupt': {
    sv: 'Filen för förbättringsarbetet är skadad och kan inte öppnas. Inget har skrivits över.',
    en: 'The improvement file is damaged and cannot be opened. Nothing was overwritten.',
  },
  'improvement-too-new': {
    sv: 'Förbättringsarbetet är sparat av en nyare version av Samskapa. Uppdatera appen.',
    en: 'The improvement was saved by a newer version of Samskapa. Update the app.',
  },
  'invalid-improvement': {
    sv: 'Förbättringsarbetet kunde inte sparas: något i det är inte giltigt. Inget sparat har ändrats.',
    en: 'The improvement could not be saved: something in it is not valid. Nothing saved was changed.',
  },
  'contribution-unavailable': {
    sv: 'Bidraget kan inte bli en förändringsidé: det är dolt, finns inte i sessionen eller hör till en annan session.',
    en: 'That contribution cannot become a change idea: it is hidden, not in the session, or from another session.',
  },
  'invalid-session-export': {
    sv: 'Filen är inte en giltig Samskapa-export av en session. Inget har ändrats.',
    en: 'The file is not a valid Samskapa session export. Nothing was changed.',
  },
  'invalid-archive': {
    sv: 'Filen är inget Samskapa-arkiv, eller så är den skadad eller avkortad. Inget har ändrats.',
    en: 'The file is not a Samskapa archive, or it is damaged or cut short. Nothing was changed.',
  },
  'format-unavailable': {
    sv: 'Det formatet går inte att exportera i den här versionen ännu.',
    en: 'That format cannot be exported in this version yet.',
  },
  internal: { sv: 'Något gick fel i värden.', en: 'Something went wrong in the host.' },
};

export type HostLanguage = 'sv' | 'en';

/** Picks sv or en from Accept-Language; Swedish unless English is asked for first. */
export function languageOf(acceptLanguage: string | undefined): HostLanguage {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}

export function errorMessage(code: ErrorCode, language: HostLanguage): string {
  return MESSAGES[code][language];
}
