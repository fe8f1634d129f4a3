/**
 * What a chart draws, as plain shapes: one drawing per chart, serialised twice — to a standalone
 * SVG string by svg.ts (exports, images) and to React elements by src/renderer/ui/charts. Each
 * shape carries a class (the screen themes it with the design tokens) and its print paint as
 * presentation attributes (what a standalone SVG shows; CSS rules override them on screen).
 *
 *   points + analysis ─▶ run-chart-layout (geometry) ─▶ run-chart-scene (shapes) ─▶ svg.ts / React
 */

export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: string;
  readonly opacity?: number;
}

interface ShapeBase {
  /** Space-separated classes, e.g. `rc-point rc-point-signal`. */
  readonly cls: string;
  readonly paint: Paint;
}

export type Shape =
  | (ShapeBase & { readonly type: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number })
  | (ShapeBase & { readonly type: 'polyline'; readonly points: readonly (readonly [number, number])[] })
  | (ShapeBase & { readonly type: 'polygon'; readonly points: readonly (readonly [number, number])[] })
  | (ShapeBase & { readonly type: 'circle'; readonly cx: number; readonly cy: number; readonly r: number })
  | (ShapeBase & { readonly type: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly rx?: number; readonly pattern?: string })
  | (ShapeBase & {
      readonly type: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly anchor: 'start' | 'middle' | 'end';
      readonly size: number;
      readonly weight?: 'normal' | 'bold';
      /**
       * A stroke of the background's colour behind the letters (SVG paint-order), so a label drawn
       * over the data stays readable where a line or point passes under it.
       */
      readonly halo?: string;
    });

/** A fill pattern (stripes, dots) that shapes refer to by `pattern` id (prefixed per chart). */
export interface PatternDef {
  readonly id: string;
  readonly size: number;
  readonly background: string;
  readonly shapes: readonly Shape[];
  /** Rotation in degrees (stripes). */
  readonly rotate?: number;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  /** Classes on the root `<svg>` (e.g. `chart run-chart`). */
  readonly cls: string;
  readonly background: string;
  readonly patterns: readonly PatternDef[];
  readonly shapes: readonly Shape[];
}

/** The print palette: what exports show. Dark text on white, each colour paired with a shape. */
export const PRINT_PALETTE = {
  background: '#ffffff',
  text: '#1c262d',
  muted: '#4b5661',
  grid: '#e3ded6',
  axis: '#66707a',
  line: '#1b5384',
  point: '#1b5384',
  signal: '#a13c0b',
  median: '#1d6b3c',
  annotation: '#7a4a00',
  ja: '#1b5384',
  delvis: '#5b8fbd',
  delvisStripe: '#7fa9cf',
  nej: '#e7d9c3',
  nejDot: '#8a6d3b',
  vetInte: '#ffffff',
} as const;

/** The bundled font first (resources/fonts), then any sans-serif. */
export const CHART_FONT_FAMILY = "'DejaVu Sans', sans-serif";

/**
 * Estimated width of a text in DejaVu Sans (about 0.6 em per character on average; bold a little
 * wider). Good enough to keep labels apart and inside the chart; nothing depends on it exactly.
 */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.66 : 0.6);
}

/** Shortens a text to fit `width` at `size`, ending in "…". */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (size * (bold ? 0.66 : 0.6))) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/**
 * Breaks a text into lines of at most `width` (estimated as textWidth does), at spaces; a word
 * longer than a line is shortened. More than `maxLines` lines: the last one ends in "…", so a
 * title never runs into what stands beside or under it.
 */
export function wrapText(text: string, width: number, size: number, bold = false, maxLines = 3): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => fitText(l, width, size, bold));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = last.endsWith('…') ? last : fitText(`${last} …`, width, size, bold).replace(/\s…$/, '…');
  return kept;
}

/** Rounds a coordinate to 0.1 px: stable output for tests and smaller files. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}
