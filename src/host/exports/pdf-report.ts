import { fillText } from '../../core/report/session-report';
import type { SessionReport } from '../../core/report/session-report';
import { reportBlocks } from './docx-pdf-blocks';
import type { Run } from './docx-pdf-blocks';
import { defaultChartPainter } from './docx-pdf-chart-painter';
import { paintCharts } from './docx-pdf-charts';
import type { ChartPainter, PaintedBlock } from './docx-pdf-charts';
import type { ExportFonts } from './fonts';
import { ACCENT, INK, MUTED, PdfLayout } from './pdf-layout';

/**
 * The session report as an A4 PDF: the same blocks as the Word document (docx-pdf-blocks.ts), set
 * in the embedded DejaVu Sans, with an outline (bookmarks) per heading, page numbers in the footer
 * and the title and language in the document's metadata.
 */
export interface PdfReportOptions {
  /** Draws the charts; null leaves them out (the tables carry the same numbers). */
  readonly charts?: ChartPainter | null;
  readonly fonts?: ExportFonts;
}

export async function renderPdfReport(report: SessionReport, options: PdfReportOptions = {}): Promise<Uint8Array> {
  const painter = options.charts === undefined ? defaultChartPainter(options.fonts) : options.charts;
  const blocks = await paintCharts(reportBlocks(report), painter, report.lang);
  const layout = new PdfLayout({
    title: report.titlePage.title,
    subject: report.text.reportTitle,
    lang: report.lang,
    margin: 68,
    footer: (page, pages) => `Samskapa · ${report.titlePage.title} · ${fillText(report.text.pageOf, { n: page, total: pages })}`,
    ...(options.fonts ? { fonts: options.fonts } : {}),
  });
  for (const block of blocks) draw(layout, block);
  return layout.finish();
}

function draw(layout: PdfLayout, block: PaintedBlock): void {
  switch (block.type) {
    case 'title':
      layout.doc.y = layout.doc.page.margins.top + 150;
      layout.paragraph(block.kicker.toLocaleUpperCase(), { size: 10, bold: true, color: MUTED, after: 8 });
      layout.doc.outline.addItem(block.text);
      layout.paragraph(block.text, { size: 26, bold: true, color: ACCENT, after: 28 });
      return;
    case 'heading':
      layout.heading(block.text, block.level);
      return;
    case 'paragraph':
      paragraph(layout, block.runs, block.style ?? 'normal');
      return;
    case 'fields':
      fields(layout, block.rows);
      return;
    case 'bullets':
      for (const item of block.items) mixed(layout, item, 14);
      layout.doc.y += 4;
      return;
    case 'table':
      layout.table(block.columns, block.rows);
      return;
    case 'image': {
      // A chart that nearly fits what is left of the page shrinks a little rather than leave a gap.
      // Its caption (the key to its markers) is kept on the same page, right under it.
      const caption = block.caption ? layout.measure(block.caption, layout.width, CAPTION) + 6 : 0;
      const full = Math.min(layout.width, block.image.width / 2);
      const room = layout.bottom - layout.doc.y - 8 - caption;
      const needed = (full * block.image.height) / block.image.width;
      const width = needed > room && room >= needed * 0.7 ? (full * room) / needed : full;
      layout.ensureSpace((width * block.image.height) / block.image.width + 8 + caption);
      layout.image(block.image.png, block.image.width, block.image.height, width, block.image.alt);
      if (block.caption) {
        layout.doc.y -= 2;
        layout.paragraph(block.caption, CAPTION);
      }
      return;
    }
    case 'page-break':
      layout.newPage();
      return;
  }
}

const CAPTION = { color: MUTED, size: 9.5 } as const;

function paragraph(layout: PdfLayout, runs: readonly Run[], style: 'normal' | 'muted' | 'source' | 'label'): void {
  if (runs.length === 1 && runs[0] && !runs[0].bold) {
    const text = runs[0].text;
    if (style === 'label') return layout.paragraph(text, { bold: true, after: 3 });
    if (style === 'muted') return layout.paragraph(text, { color: MUTED, size: 9.5 });
    if (style === 'source') return layout.paragraph(text, { color: MUTED, size: 8.5, after: 8 });
    return layout.paragraph(text);
  }
  mixed(layout, runs, 0);
  layout.doc.y += 4;
}

/** Runs of bold, plain and grey text in one paragraph, optionally as a bullet. */
function mixed(layout: PdfLayout, runs: readonly Run[], bulletIndent: number): void {
  const { doc } = layout;
  const x = layout.left + bulletIndent;
  const width = layout.width - bulletIndent;
  const whole = runs.map((r) => r.text).join('');
  layout.ensureSpace(Math.min(layout.measure(whole, width), 40));
  const y = doc.y;
  if (bulletIndent > 0) {
    layout.use({ color: ACCENT });
    layout.artifact(() => doc.text('•', x - 11, y, { lineBreak: false }));
  }
  layout.tag('P', () =>
    runs.forEach((run, i) => {
      layout.use({ bold: run.bold, color: run.muted ? MUTED : INK, size: run.muted ? 9.5 : 10.5 });
      const last = i === runs.length - 1;
      if (i === 0) doc.text(run.text, x, y, { width, continued: !last, lineGap: 2 });
      else doc.text(run.text, { continued: !last, lineGap: 2 });
    }),
  );
  doc.x = layout.left;
  doc.y += 2;
}

/** Label–value pairs as a quiet two-column list: the label bold on the left, the value beside it. */
function fields(layout: PdfLayout, rows: readonly (readonly [string, string])[]): void {
  const { doc } = layout;
  const labelWidth = layout.width * 0.28;
  for (const [label, value] of rows) {
    const height = Math.max(layout.measure(label, labelWidth - 8, { bold: true }), layout.measure(value, layout.width - labelWidth));
    layout.ensureSpace(height + 6);
    const y = doc.y;
    layout.use({ bold: true });
    layout.tag('P', () => {
      doc.text(label, layout.left, y, { width: labelWidth - 8, lineGap: 2 });
      layout.use({});
      doc.text(value, layout.left + labelWidth, y, { width: layout.width - labelWidth, lineGap: 2 });
    });
    doc.x = layout.left;
    doc.y = y + height + 6;
  }
  doc.y += 6;
}
