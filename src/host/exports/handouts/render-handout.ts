import type { ExportFonts } from '../fonts';
import { PdfLayout } from '../pdf-layout';
import type { Language } from '../pdf-layout';
import { drawCloth } from './cloth-handout';
import { drawReflection, drawSevenQuestions } from './form-handouts';
import type { Handout } from './handout-model';
import { handoutText } from './handout-text';

/**
 * Printable PDFs for people without a device. Handouts of one kind share a file; a dialogue cloth
 * is A3 landscape (laid on the table), the forms are A4. Several cloths (a whole pack) give one
 * page each.
 */
export async function renderHandoutPdf(handouts: readonly Handout[], lang: Language, fonts?: ExportFonts): Promise<Uint8Array> {
  const first = handouts[0];
  if (!first) throw new Error('no handout to render');
  const text = handoutText(lang);
  const isCloth = first.kind === 'dialogue-cloth';
  const layout = new PdfLayout({
    title: handouts.length === 1 && first.kind === 'dialogue-cloth' ? `${text.clothLabel}: ${first.theme}` : first.title || text.clothLabel,
    lang,
    size: isCloth ? 'A3' : 'A4',
    landscape: isCloth,
    margin: isCloth ? 40 : 62,
    // The forms carry their source on every page, in the footer with the page number.
    footer: isCloth ? null : (page, pages) => [sourceOf(first), text.footer(page, pages)].filter(Boolean).join(' · '),
    footerSize: 10,
    ...(fonts ? { fonts } : {}),
  });
  handouts.forEach((handout, i) => {
    if (i > 0) layout.newPage();
    if (handout.kind === 'dialogue-cloth') drawCloth(layout, handout, text);
    else if (handout.kind === 'seven-questions') drawSevenQuestions(layout, handout, text);
    else drawReflection(layout, handout, text);
  });
  return layout.finish();
}

function sourceOf(handout: Handout): string | null {
  return handout.source;
}

/** A file name for the download: "dialogduk-patientkontrakt-i-praktiken.pdf". */
export function handoutFileName(handout: Handout, lang: Language): string {
  const base = { 'dialogue-cloth': ['dialogduk', 'dialogue-cloth'], 'seven-questions': ['sju-fragor', 'seven-questions'], reflection: ['reflektion', 'reflection'] }[
    handout.kind
  ][lang === 'en' ? 1 : 0];
  const words = (handout.kind === 'dialogue-cloth' ? handout.theme : handout.title)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  return `${base}${words ? `-${words}` : ''}.pdf`;
}
