import PDFDocument from 'pdfkit';
import { defaultExportFonts } from './fonts';
import type { ExportFonts } from './fonts';

/**
 * A small flowing-layout helper over pdfkit for the report and the handouts: headings that land in
 * the PDF outline (bookmarks), paragraphs, tables whose header row repeats after a page break,
 * images, and a footer with page numbers written once every page exists.
 *
 * Every text is set in the bundled DejaVu Sans, embedded (subset) in the file: Swedish characters
 * print on every machine, and pdfkit never has to load its built-in Helvetica (whose metric files
 * a bundled host may not carry).
 *
 * The PDF is tagged: headings (H1–H3), paragraphs, tables (Table/TR/TH/TD) and figures (with alt
 * text) are structure elements in reading order, and rules, boxes, bullets and footers are marked
 * as artifacts, so a screen reader reads the document and skips the decoration. pdfkit ends any
 * open structure content when an artifact starts, so artifacts are always drawn between tagged
 * pieces, never inside one.
 */
export type PaperSize = 'A4' | 'A3';
export type Language = 'sv' | 'en';

export interface PdfLayoutOptions {
  readonly title: string;
  readonly lang: Language;
  readonly size?: PaperSize;
  readonly landscape?: boolean;
  readonly subject?: string;
  readonly author?: string;
  /** Points around the page; the footer sits inside the bottom margin. */
  readonly margin?: number;
  /** The footer line of a page, e.g. "Samskapa · Sida 2 av 5"; null for no footer. */
  readonly footer?: ((page: number, pages: number) => string) | null;
  /** Type size of the footer (8 pt in reports; larger on handouts, where the source line must be read). */
  readonly footerSize?: number;
  readonly fonts?: ExportFonts;
}

/** The palette: near-black text, one quiet blue for headings and rules, grey for secondary text. */
export const INK = '#1b1f24';
export const ACCENT = '#1f4e79';
export const MUTED = '#5b6470';
export const RULE = '#c9d1da';
export const TINT = '#eef3f8';


export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: string;
  /** Space after the block, in points. */
  readonly after?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly indent?: number;
}

export interface TableColumn {
  readonly header: string;
  /** Share of the available width (the shares are normalised). */
  readonly weight: number;
  readonly align?: 'left' | 'right' | 'center';
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;
  private readonly footer: PdfLayoutOptions['footer'];
  private readonly footerSize: number;
  private readonly outlineStack: { level: number; item: PDFKit.PDFOutline }[] = [];
  /**
   * Fonts are selected by file path, never by a registered name: pdfkit caches a font under the key
   * it was first opened with, and a registered alias of an already-open font is re-read and
   * re-parsed from disk on every switch (it made a 200-note report take 15 s instead of 1).
   */
  private readonly regular: string;
  private readonly bold: string;
  /** The structure tree's root: every tagged piece hangs under it (or under a table/row in it). */
  private readonly root: PDFKit.PDFStructureElement;

  constructor(options: PdfLayoutOptions) {
    const fonts = options.fonts ?? defaultExportFonts();
    const margin = options.margin ?? 64;
    this.footer = options.footer === undefined ? null : options.footer;
    this.footerSize = options.footerSize ?? 8;
    this.doc = new PDFDocument({
      size: options.size ?? 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: { top: margin, bottom: margin, left: margin, right: margin },
      bufferPages: true,
      font: fonts.regular,
      lang: options.lang === 'sv' ? 'sv-SE' : 'en-GB',
      displayTitle: true,
      pdfVersion: '1.7',
      tagged: true,
      info: {
        Title: options.title,
        Subject: options.subject ?? '',
        Author: options.author ?? 'Samskapa',
        Creator: 'Samskapa',
        Producer: 'Samskapa',
      },
    });
    this.regular = fonts.regular;
    this.bold = fonts.bold;
    this.doc.font(this.regular).fillColor(INK);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** A new page of the same size; open marked content (if any) continues on it. */
  newPage(): void {
    this.doc.continueOnNewPage();
    this.doc.x = this.left;
  }

  /**
   * Draws `draw` as the content of a new structure element (`P`, `H1`, `Figure`, `TD`…) under
   * `parent` (default: the document). Text flowing onto the next page stays in the element.
   */
  tag(type: string, draw: () => void, options: { alt?: string } = {}, parent: PDFKit.PDFStructureElement = this.root): void {
    const element = this.doc.struct(type, options);
    parent.add(element);
    element.add(draw);
    element.end();
  }

  /** A structure element holding other elements (Table, TR, L); `build` adds its children. */
  group(type: string, build: (element: PDFKit.PDFStructureElement) => void, parent: PDFKit.PDFStructureElement = this.root): void {
    const element = this.doc.struct(type);
    parent.add(element);
    build(element);
    element.end();
  }

  /** Decoration a screen reader skips: rules, boxes, bullets, page furniture. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  /** Sets font, size and colour for what follows; returns the line height. */
  use(style: TextStyle = {}): number {
    this.doc.font(style.bold ? this.bold : this.regular).fontSize(style.size ?? 10.5).fillColor(style.color ?? INK);
    return this.doc.currentLineHeight(true);
  }

  /** Height the text takes at a width in a style (for keeping blocks together). */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.use(style);
    return this.doc.heightOfString(text, { width, lineGap: 2 });
  }

  /**
   * A heading: bold, in the accent colour, kept with at least two lines of what follows, and
   * added to the PDF outline under the nearest heading of a higher level.
   */
  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 18 : level === 2 ? 13.5 : 11.5;
    const before = level === 1 ? 10 : level === 2 ? 12 : 8;
    const height = this.measure(text, this.width, { size, bold: true });
    this.ensureSpace(before + height + 48);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.y += before;
    this.addOutline(text, level);
    this.use({ size, bold: true, color: ACCENT });
    this.tag(`H${level}`, () => this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 2 }));
    if (level === 1) {
      const y = this.doc.y + 3;
      this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.8).strokeColor(ACCENT).stroke());
      this.doc.y = y + 8;
    } else {
      this.doc.y += level === 2 ? 4 : 2;
    }
  }

  private addOutline(text: string, level: number): void {
    while (this.outlineStack.length > 0 && (this.outlineStack[this.outlineStack.length - 1]?.level ?? 0) >= level) this.outlineStack.pop();
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(text, { expanded: level === 1 });
    this.outlineStack.push({ level, item });
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const indent = style.indent ?? 0;
    this.use(style);
    const lineHeight = this.doc.currentLineHeight(true);
    this.ensureSpace(Math.min(lineHeight * 2, this.measure(text, this.width - indent, style)));
    this.use(style);
    this.tag('P', () => this.doc.text(text, this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 2, align: style.align ?? 'left' }));
    this.doc.y += style.after ?? 6;
  }

  /** A label in bold followed by its value on the same line ("Datum: 12 mars 2026"). */
  field(label: string, value: string, style: TextStyle = {}): void {
    this.use({ ...style, bold: true });
    this.ensureSpace(this.doc.currentLineHeight(true));
    this.tag('P', () => {
      this.doc.text(`${label}  `, this.left, this.doc.y, { continued: true, lineGap: 2, width: this.width });
      this.use(style);
      this.doc.text(value, { lineGap: 2 });
    });
    this.doc.y += style.after ?? 3;
  }

  bullets(items: readonly string[], style: TextStyle = {}): void {
    for (const item of items) {
      const indent = (style.indent ?? 0) + 14;
      const height = this.measure(item, this.width - indent, style);
      this.ensureSpace(Math.min(height, 40));
      const y = this.doc.y;
      this.use({ ...style, color: ACCENT });
      this.artifact(() => this.doc.text('•', this.left + indent - 11, y, { lineBreak: false }));
      this.use(style);
      this.tag('P', () => this.doc.text(item, this.left + indent, y, { width: this.width - indent, lineGap: 2 }));
      this.doc.y += 3;
    }
    this.doc.y += style.after ?? 4;
  }

  /**
   * A table with a tinted header row that repeats at the top of each page the table runs onto.
   * Rows are never split across pages (a row taller than a page would be, but our rows are short).
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const pad = 5;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const rowHeight = (cells: readonly string[], bold: boolean): number =>
      Math.max(...cells.map((cell, i) => this.measure(cell, (widths[i] ?? 0) - 2 * pad, { size, bold }))) + 2 * pad;
    const headers = columns.map((c) => c.header);
    const draw = (table: PDFKit.PDFStructureElement, cells: readonly string[], header: boolean, repeated = false): void => {
      const height = rowHeight(cells, header);
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        if (!header) draw(table, headers, true, true);
      }
      const y = this.doc.y;
      if (header) this.artifact(() => this.doc.rect(this.left, y, this.width, height).fill(TINT));
      const drawCells = (row?: PDFKit.PDFStructureElement): void => {
        let x = this.left;
        cells.forEach((cell, i) => {
          const w = widths[i] ?? 0;
          const cellX = x;
          this.use({ size, bold: header, color: header ? ACCENT : INK });
          const text = () => this.doc.text(cell, cellX + pad, y + pad, { width: w - 2 * pad, lineGap: 2, align: columns[i]?.align ?? 'left' });
          // A header row repeated on a new page is page furniture: read once, at the top.
          if (row) this.tag(header ? 'TH' : 'TD', text, {}, row);
          else this.artifact(text, 'Pagination');
          x += w;
        });
      };
      if (repeated) drawCells();
      else this.group('TR', (row) => drawCells(row), table);
      this.artifact(() =>
        this.doc
          .moveTo(this.left, y + height)
          .lineTo(this.left + this.width, y + height)
          .lineWidth(header ? 0.9 : 0.5)
          .strokeColor(header ? ACCENT : RULE)
          .stroke(),
      );
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    this.ensureSpace(rowHeight(headers, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
    this.group('Table', (table) => {
      draw(table, headers, true);
      for (const row of rows) draw(table, row, false);
    });
    this.doc.y += style.after ?? 10;
  }

  /** A PNG image scaled to `width` (default: the text width), kept on one page. */
  image(png: Uint8Array, pixelWidth: number, pixelHeight: number, width = this.width, alt = ''): void {
    const height = (width * pixelHeight) / pixelWidth;
    this.ensureSpace(height + 6);
    const y = this.doc.y;
    this.tag('Figure', () => this.doc.image(Buffer.from(png), this.left, y, { width, height }), alt ? { alt } : {});
    this.doc.y += height + 8;
    this.doc.x = this.left;
  }

  /** Ruled lines to write on by hand, `gap` points apart. */
  writingLines(count: number, gap = 26): void {
    this.ensureSpace(gap * Math.min(count, 3));
    for (let i = 0; i < count; i += 1) {
      if (this.doc.y + gap > this.bottom) this.newPage();
      this.doc.y += gap;
      const y = this.doc.y;
      this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor('#9aa4af').stroke());
    }
    this.doc.y += 10;
  }

  /** Writes the footers (page numbers need the page count), closes the document and returns its bytes. */
  async finish(): Promise<Uint8Array> {
    if (this.footer) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i += 1) {
        this.doc.switchToPage(i);
        this.writeFooter(this.footer(i + 1, range.count));
      }
    }
    this.doc.end();
    return this.done;
  }

  private writeFooter(text: string): void {
    const { margins } = this.doc.page;
    const bottomMargin = margins.bottom;
    // Writing inside the bottom margin would start a new page; lift the margin while we do.
    margins.bottom = 0;
    this.use({ size: this.footerSize, color: MUTED });
    const y = this.doc.page.height - bottomMargin / 2 - this.footerSize / 2;
    this.artifact(() => this.doc.text(text, margins.left, y, { width: this.doc.page.width - margins.left - margins.right, align: 'center', lineBreak: false }), 'Pagination');
    margins.bottom = bottomMargin;
  }
}
