import type { ReportLanguage } from '../../core/report/session-report';
import type { Block, ChartRequest } from './docx-pdf-blocks';

/**
 * Charts for the Word and PDF reports, as PNG images (Word takes no SVG that every version shows;
 * a PNG looks the same everywhere). The painter is passed in, so the writers do not care how a
 * chart is drawn; `report-chart-painter.ts` draws them with the chart layouts of src/core/charts.
 */
export interface ChartImage {
  readonly png: Uint8Array;
  /** Pixel size of the PNG (drawn at twice the layout size, for print). */
  readonly width: number;
  readonly height: number;
  /** What the chart shows, in words, for screen readers. */
  readonly alt: string;
}

/** Draws one chart; null when it cannot be drawn (too few points): the tables still say it all. */
export type ChartPainter = (chart: ChartRequest, lang: ReportLanguage) => Promise<ChartImage | null> | ChartImage | null;

/** A chart's image with its caption (a chart that cannot be drawn takes its caption with it: it explains the chart's markers). */
export type PaintedBlock = Exclude<Block, { type: 'chart' }> | { readonly type: 'image'; readonly image: ChartImage; readonly caption?: string };

/** Replaces every chart block by its image (or drops it when the painter has none). */
export async function paintCharts(blocks: readonly Block[], painter: ChartPainter | null, lang: ReportLanguage): Promise<PaintedBlock[]> {
  const painted: PaintedBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'chart') {
      painted.push(block);
      continue;
    }
    const image = painter ? await painter(block.chart, lang) : null;
    if (image) painted.push({ type: 'image', image, ...(block.caption ? { caption: block.caption } : {}) });
  }
  return painted;
}
