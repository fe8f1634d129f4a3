import type { Side } from '../../../core/instruments/vocabulary';
import type { Language } from '../pdf-layout';

/**
 * The words printed on handouts that do not come from a content pack. Host-side like the error
 * messages (http/error-messages.ts): the PDF is made in the host, in the language asked for.
 */
export interface HandoutText {
  readonly clothLabel: string;
  readonly clothHint: string;
  readonly groupLabel: string;
  readonly sevenIntro: string;
  readonly sevenAnonymous: string;
  readonly sideHeading: Record<Side, string>;
  readonly reflectionIntro: string;
  readonly footer: (page: number, pages: number) => string;
}

const SV: HandoutText = {
  clothLabel: 'Dialogduk',
  clothHint: 'Skriv eller rita i rutan vid varje fråga. Samtalet är det viktiga – allt behöver inte stå på duken.',
  groupLabel: 'Grupp/bord:',
  sevenIntro: 'Sätt ett kryss för det svar som stämmer bäst. Hoppa över en fråga om du vill.',
  sevenAnonymous: 'Skriv inte ditt namn. Lämna formuläret till samtalsledaren, som för in svaren utan namn.',
  sideHeading: { patient: 'Till dig som är patient eller närstående', staff: 'Till dig som arbetar i vården' },
  reflectionIntro: 'Ta en stund för dig själv. Skriv det som dyker upp – det finns inga rätta svar.',
  footer: (page, pages) => `Samskapa · sida ${page} av ${pages}`,
};

const EN: HandoutText = {
  clothLabel: 'Dialogue cloth',
  clothHint: 'Write or draw in the box by each question. The conversation is what matters — not everything has to go on the cloth.',
  groupLabel: 'Group/table:',
  sevenIntro: 'Tick the answer that fits best. Skip a question if you like.',
  sevenAnonymous: 'Do not write your name. Hand the form to the facilitator, who types the answers in without names.',
  sideHeading: { patient: 'For you as a patient or relative', staff: 'For you who work in health care' },
  reflectionIntro: 'Take a moment on your own. Write whatever comes to mind — there are no right answers.',
  footer: (page, pages) => `Samskapa · page ${page} of ${pages}`,
};

export function handoutText(lang: Language): HandoutText {
  return lang === 'en' ? EN : SV;
}
