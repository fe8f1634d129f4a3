/**
 * A scene (scene.ts) as a standalone SVG document: `<title>` and `<desc>` for screen readers and
 * file viewers, role="img" labelled by both, presentation attributes for the print palette, and
 * the bundled font by name (no web fonts, nothing fetched). Every text is XML-escaped.
 */
import { layoutGapChart, type GapChartLayoutInput } from './gap-chart-layout';
import { gapChartScene } from './gap-chart-scene';
import { layoutRunChart, type RunChartLayoutInput } from './run-chart-layout';
import { runChartScene } from './run-chart-scene';
import { CHART_FONT_FAMILY, px, type Paint, type PatternDef, type Scene, type Shape } from './scene';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function paintAttrs(paint: Paint): string {
  const parts: string[] = [];
  parts.push(`fill="${paint.fill ?? 'none'}"`);
  if (paint.stroke) parts.push(`stroke="${paint.stroke}"`);
  if (paint.strokeWidth !== undefined) parts.push(`stroke-width="${paint.strokeWidth}"`);
  if (paint.dash) parts.push(`stroke-dasharray="${paint.dash}"`);
  if (paint.opacity !== undefined) parts.push(`opacity="${paint.opacity}"`);
  return parts.join(' ');
}

/** Width of a text halo's stroke (half of it shows around the letters). */
export const HALO_WIDTH = 4;

function pointsAttr(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ');
}

function shapeSvg(shape: Shape, idPrefix: string): string {
  const cls = `class="${escapeXml(shape.cls)}"`;
  switch (shape.type) {
    case 'line':
      return `<line ${cls} x1="${px(shape.x1)}" y1="${px(shape.y1)}" x2="${px(shape.x2)}" y2="${px(shape.y2)}" ${paintAttrs(shape.paint)}/>`;
    case 'polyline':
      return `<polyline ${cls} points="${pointsAttr(shape.points)}" ${paintAttrs(shape.paint)} stroke-linejoin="round"/>`;
    case 'polygon':
      return `<polygon ${cls} points="${pointsAttr(shape.points)}" ${paintAttrs(shape.paint)}/>`;
    case 'circle':
      return `<circle ${cls} cx="${px(shape.cx)}" cy="${px(shape.cy)}" r="${px(shape.r)}" ${paintAttrs(shape.paint)}/>`;
    case 'rect': {
      const paint = shape.pattern ? { ...shape.paint, fill: `url(#${idPrefix}${shape.pattern})` } : shape.paint;
      const rx = shape.rx ? ` rx="${shape.rx}"` : '';
      return `<rect ${cls} x="${px(shape.x)}" y="${px(shape.y)}" width="${px(shape.width)}" height="${px(shape.height)}"${rx} ${paintAttrs(paint)}/>`;
    }
    case 'text': {
      const weight = shape.weight === 'bold' ? ' font-weight="bold"' : '';
      const halo = shape.halo ? ` stroke="${shape.halo}" stroke-width="${HALO_WIDTH}" stroke-linejoin="round" paint-order="stroke"` : '';
      return `<text ${cls} x="${px(shape.x)}" y="${px(shape.y)}" text-anchor="${shape.anchor}" font-size="${shape.size}"${weight} fill="${shape.paint.fill ?? '#000'}"${halo}>${escapeXml(shape.text)}</text>`;
    }
  }
}

function patternSvg(pattern: PatternDef, idPrefix: string): string {
  const rotate = pattern.rotate ? ` patternTransform="rotate(${pattern.rotate})"` : '';
  return (
    `<pattern id="${idPrefix}${pattern.id}" width="${pattern.size}" height="${pattern.size}" patternUnits="userSpaceOnUse"${rotate}>` +
    `<rect width="${pattern.size}" height="${pattern.size}" fill="${pattern.background}"/>` +
    pattern.shapes.map((s) => shapeSvg(s, idPrefix)).join('') +
    `</pattern>`
  );
}

export interface SvgOptions {
  /** Prefix for ids (title, desc, patterns), unique per document the SVG is placed in. */
  readonly idPrefix?: string;
  /** Scale of the width/height attributes (the viewBox stays the layout's size). */
  readonly scale?: number;
}

/** A scene as a standalone SVG document string. */
export function sceneToSvg(scene: Scene, options: SvgOptions = {}): string {
  const id = options.idPrefix ?? 'chart-';
  const scale = options.scale ?? 1;
  const defs = scene.patterns.length ? `<defs>${scene.patterns.map((p) => patternSvg(p, id)).join('')}</defs>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${escapeXml(scene.cls)}" width="${scene.width * scale}" height="${scene.height * scale}" ` +
    `viewBox="0 0 ${scene.width} ${scene.height}" role="img" aria-labelledby="${id}title ${id}desc" ` +
    `font-family="${escapeXml(CHART_FONT_FAMILY)}">` +
    `<title id="${id}title">${escapeXml(scene.title)}</title>` +
    `<desc id="${id}desc">${escapeXml(scene.description)}</desc>` +
    defs +
    `<rect class="chart-background" width="${scene.width}" height="${scene.height}" fill="${scene.background}"/>` +
    scene.shapes.map((s) => shapeSvg(s, id)).join('') +
    `</svg>`
  );
}

/** Run chart input → SVG string, in one call (exports). */
export function runChartSvg(input: RunChartLayoutInput, options: SvgOptions = {}): string {
  return sceneToSvg(runChartScene(layoutRunChart(input)), options);
}

/** Gap chart input → SVG string, in one call (exports). */
export function gapChartSvg(input: GapChartLayoutInput, options: SvgOptions = {}): string {
  return sceneToSvg(gapChartScene(layoutGapChart(input)), options);
}
