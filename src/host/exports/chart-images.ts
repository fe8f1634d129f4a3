/**
 * Chart SVGs (src/core/charts/svg.ts) → PNG for documents that cannot take SVG (DOCX, PDF).
 * Rendered by resvg with the bundled DejaVu Sans only: no system fonts, so a chart looks the same
 * on every machine and å, ä, ö always have glyphs. Twice the layout size by default, for print.
 */
import { Resvg } from '@resvg/resvg-js';
import { defaultExportFonts, type ExportFonts } from './fonts';

export interface ChartPng {
  readonly png: Buffer;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
}

export interface ChartPngOptions {
  /** Pixels per SVG unit; default 2 (print). */
  readonly scale?: number;
  /** The fonts to use; default: resources/fonts of this checkout or build. */
  readonly fonts?: ExportFonts;
}

/** Renders a standalone chart SVG to PNG with the bundled font. */
export function chartSvgToPng(svg: string, options: ChartPngOptions = {}): ChartPng {
  const fonts = options.fonts ?? defaultExportFonts();
  const scale = options.scale ?? 2;
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular, fonts.bold],
      defaultFontFamily: fonts.family,
      sansSerifFamily: fonts.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
