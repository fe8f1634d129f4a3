import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads exported documents back the way another program would: PDF text through pdf.js (the
 * reader in Firefox), DOCX through its ZIP container and XML. Used by the export and handout tests.
 */
export interface PdfReading {
  readonly pages: number;
  /** Text of each page, items joined by spaces (pdf.js splits lines into items). */
  readonly pageTexts: readonly string[];
  readonly text: string;
  readonly info: Record<string, unknown>;
  /** Page sizes in points, [width, height]. */
  readonly sizes: readonly (readonly [number, number])[];
  /** The outline (bookmarks), titles depth first. */
  readonly outline: readonly string[];
  /** Names of the fonts the file embeds (from its font dictionaries). */
  readonly embeddedFonts: readonly string[];
  /** Roles of the tagged structure (H1, P, Table, Figure…), with how often each occurs, over all pages. */
  readonly structRoles: ReadonlyMap<string, number>;
  /** Alt texts of the Figure elements. */
  readonly figureAlts: readonly string[];
}

interface StructNode {
  readonly role?: string;
  readonly alt?: string;
  readonly children?: readonly StructNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  const pageTexts: string[] = [];
  const sizes: (readonly [number, number])[] = [];
  const structRoles = new Map<string, number>();
  const figureAlts: string[] = [];
  const visit = (node: StructNode | null | undefined): void => {
    if (!node) return;
    if (node.role) structRoles.set(node.role, (structRoles.get(node.role) ?? 0) + 1);
    if (node.role === 'Figure' && node.alt) figureAlts.push(node.alt);
    node.children?.forEach(visit);
  };
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pageTexts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    visit((await page.getStructTree()) as StructNode | null);
    const [x0, y0, x1, y1] = page.view;
    sizes.push([Math.round((x1 ?? 0) - (x0 ?? 0)), Math.round((y1 ?? 0) - (y0 ?? 0))]);
  }
  const meta = await pdf.getMetadata();
  const outline: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null): void => {
    for (const item of items ?? []) {
      outline.push(item.title);
      walk(item.items as { title: string; items: unknown[] }[]);
    }
  };
  walk((await pdf.getOutline()) as { title: string; items: unknown[] }[] | null);
  await task.destroy();
  const raw = Buffer.from(bytes).toString('latin1');
  const embeddedFonts = [...raw.matchAll(/\/FontName \/([A-Z]{6}\+[A-Za-z-]+)/g)].map((m) => m[1] ?? '');
  return { pages: pageTexts.length, pageTexts, text: pageTexts.join('\n'), info: meta.info as Record<string, unknown>, sizes, outline, embeddedFonts, structRoles, figureAlts };
}

export interface DocxReading {
  readonly files: readonly string[];
  readonly documentXml: string;
  /** The document's paragraphs as plain text, in order. */
  readonly paragraphs: readonly string[];
  /** Paragraph texts styled as Heading1, Heading2, … with their level. */
  readonly headings: readonly { readonly level: number; readonly text: string }[];
  readonly coreXml: string;
  readonly footerXml: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const footers = await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(read));
  const paragraphs: string[] = [];
  const headings: { level: number; text: string }[] = [];
  for (const match of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = match[0];
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
    paragraphs.push(text);
    const style = /<w:pStyle w:val="Heading(\d)"/.exec(xml);
    if (style) headings.push({ level: Number(style[1]), text });
  }
  return { files, documentXml, paragraphs, headings, coreXml: await read('docProps/core.xml'), footerXml: footers.join('\n') };
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
