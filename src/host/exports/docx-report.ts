import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild } from 'docx';
import { fillText } from '../../core/report/session-report';
import type { SessionReport } from '../../core/report/session-report';
import { reportBlocks } from './docx-pdf-blocks';
import type { Run, TableColumnSpec } from './docx-pdf-blocks';
import { paintCharts } from './docx-pdf-charts';
import type { ChartImage, ChartPainter, PaintedBlock } from './docx-pdf-charts';
import { defaultChartPainter } from './docx-pdf-chart-painter';

/**
 * The session report as a Word document a region can file: real Heading 1–3 styles (Word's
 * navigation pane and a table of contents work), tables with a repeated header row, charts as
 * PNG images with alt text, page numbers in the footer, the document's title and language set.
 *
 * Fonts: Word documents use the reader's fonts, so the report asks for Arial (on every Windows
 * and Mac; LibreOffice substitutes the metric-compatible Liberation Sans). Word stores text as
 * Unicode, so Swedish characters need nothing special.
 */
const INK = '1B1F24';
const ACCENT = '1F4E79';
const MUTED = '5B6470';
const RULE = 'C9D1DA';
const TINT = 'EEF3F8';
const FONT = 'Arial';
/** A4 with 2.5 cm margins, in twips (1/1440 inch). */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH_PX = Math.round(((PAGE.width - 2 * PAGE.margin) / 1440) * 96);

export interface DocxReportOptions {
  /** Draws the charts; null leaves them out (the tables carry the same numbers). */
  readonly charts?: ChartPainter | null;
}

export async function renderDocxReport(report: SessionReport, options: DocxReportOptions = {}): Promise<Uint8Array> {
  const lang = report.lang === 'sv' ? 'sv-SE' : 'en-GB';
  const blocks = await paintCharts(reportBlocks(report), options.charts === undefined ? defaultChartPainter() : options.charts, report.lang);
  const doc = new Document({
    title: report.titlePage.title,
    subject: report.text.reportTitle,
    description: `${report.text.reportTitle}: ${report.titlePage.title} (${report.titlePage.dateText})`,
    creator: 'Samskapa',
    lastModifiedBy: 'Samskapa',
    keywords: 'Samskapa',
    styles: styles(lang),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: { default: footer(report) },
        children: blocks.flatMap(toDocx),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function styles(lang: string) {
  const heading = (size: number, before: number, after: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: FONT, size: 21, color: INK, language: { value: lang } }, paragraph: { spacing: { after: 100, line: 288 } } },
      title: { run: { font: FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 360 } } },
      heading1: {
        ...heading(34, 360, 160),
        paragraph: {
          spacing: { before: 360, after: 160 },
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } },
        },
      },
      heading2: heading(27, 300, 100),
      heading3: heading(23, 220, 80),
      listParagraph: { run: { font: FONT, size: 21 } },
    },
  };
}

function footer(report: SessionReport): Footer {
  const [before, middle, after] = splitPageOf(report.text.pageOf);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `Samskapa · ${report.titlePage.title} · ${before}`, size: 16, color: MUTED }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }),
          new TextRun({ text: middle, size: 16, color: MUTED }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
          new TextRun({ text: after, size: 16, color: MUTED }),
        ],
      }),
    ],
  });
}

/** "Sida {n} av {total}" → ["Sida ", " av ", ""], the words around the two page fields. */
function splitPageOf(template: string): [string, string, string] {
  const filled = fillText(template, { n: '\u0000', total: '\u0001' });
  const [before = '', rest = ''] = filled.split('\u0000');
  const [middle = '', after = ''] = rest.split('\u0001');
  return [before, middle, after];
}

function runs(list: readonly Run[], size?: number): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.bold, color: r.muted ? MUTED : undefined, size }));
}

function toDocx(block: PaintedBlock): FileChild[] {
  switch (block.type) {
    case 'title':
      return [
        new Paragraph({ spacing: { before: 1800, after: 120 }, children: [new TextRun({ text: block.kicker.toLocaleUpperCase(), size: 20, color: MUTED, bold: true, characterSpacing: 20 })] }),
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] }),
      ];
    case 'heading':
      return [new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [paragraph(block.runs, block.style ?? 'normal')];
    case 'fields':
      return [fieldsTable(block.rows)];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: runs(item) }));
    case 'table':
      return [table(block.columns, block.rows), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'image':
      // The caption (the key to the chart's markers) stays on the chart's page.
      return block.caption ? [image(block.image, true), paragraph([{ text: block.caption }], 'muted')] : [image(block.image)];
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function paragraph(list: readonly Run[], style: 'normal' | 'muted' | 'source' | 'label'): Paragraph {
  if (style === 'label') return new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: list.map((r) => new TextRun({ text: r.text, bold: true })) });
  if (style === 'muted') return new Paragraph({ children: list.map((r) => new TextRun({ text: r.text, color: MUTED, bold: r.bold })) });
  if (style === 'source') return new Paragraph({ spacing: { before: 120 }, children: list.map((r) => new TextRun({ text: r.text, color: MUTED, size: 17 })) });
  return new Paragraph({ children: runs(list) });
}

const cellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE },
};
const margins = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(text: string, width: number, options: { header?: boolean; align?: TableColumnSpec['align']; bold?: boolean } = {}): TableCell {
  const alignment = options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins,
    borders: options.header ? { ...cellBorders, bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT } } : cellBorders,
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: TINT } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment,
          spacing: { after: 0 },
          children: [new TextRun({ text: line, bold: options.header || options.bold, color: options.header ? ACCENT : undefined, size: 19 })],
        }),
    ),
  });
}

function table(columns: readonly TableColumnSpec[], rows: readonly (readonly string[])[]): Table {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.round((c.weight / total) * (PAGE.width - 2 * PAGE.margin)));
  return new Table({
    width: { size: PAGE.width - 2 * PAGE.margin, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i] ?? 0, { header: true, align: c.align })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, widths[i] ?? 0, { align: columns[i]?.align })) })),
    ],
  });
}

/** Label–value pairs (title page, persona cards, PDSA cycles) as a two-column table without a header. */
function fieldsTable(rows: readonly (readonly [string, string])[]): Table {
  const width = PAGE.width - 2 * PAGE.margin;
  const widths = [Math.round(width * 0.28), width - Math.round(width * 0.28)];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, widths[0] ?? 0, { bold: true }), cell(value, widths[1] ?? 0)] })),
  });
}

function image(chart: ChartImage, keepNext = false): Paragraph {
  const width = Math.min(TEXT_WIDTH_PX, Math.round(chart.width / 2));
  const height = Math.round((width * chart.height) / chart.width);
  return new Paragraph({
    keepLines: true,
    keepNext,
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: chart.alt, description: chart.alt, title: chart.alt } })],
  });
}
