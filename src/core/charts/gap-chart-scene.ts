/**
 * The gap chart as shapes. As on screen (seven-results.css), each answer has a colour AND a
 * pattern AND a text label: ja solid, delvis diagonal stripes, nej dots, vet inte open with a
 * dashed edge; so it reads in black-and-white print and without colour vision.
 */
import type { Answer } from '../instruments/vocabulary';
import type { GapChartLayout, GapSegment } from './gap-chart-layout';
import { PRINT_PALETTE as C, textWidth, type PatternDef, type Scene, type Shape } from './scene';

const PATTERNS: readonly PatternDef[] = [
  {
    id: 'delvis',
    size: 8,
    rotate: 45,
    background: C.delvis,
    shapes: [{ type: 'rect', cls: '', paint: { fill: C.delvisStripe }, x: 0, y: 0, width: 4, height: 8 }],
  },
  {
    id: 'nej',
    size: 8,
    background: C.nej,
    shapes: [{ type: 'circle', cls: '', paint: { fill: C.nejDot }, cx: 4, cy: 4, r: 1.2 }],
  },
];

function segmentFill(answer: Answer): { paint: Shape['paint']; pattern?: string } {
  switch (answer) {
    case 'ja':
      return { paint: { fill: C.ja } };
    case 'delvis':
      return { paint: {}, pattern: 'delvis' };
    case 'nej':
      return { paint: {}, pattern: 'nej' };
    case 'vet-inte':
      return { paint: { fill: C.vetInte, stroke: C.text, strokeWidth: 1, dash: '3 2' } };
  }
}

function swatch(answer: Answer, x: number, y: number, w: number, h: number): Shape {
  const fill = segmentFill(answer);
  return { type: 'rect', cls: `gc-seg gc-seg-${answer}`, paint: { stroke: C.text, strokeWidth: 1, ...fill.paint }, x, y, width: w, height: h, rx: 2, ...(fill.pattern ? { pattern: fill.pattern } : {}) };
}

function segmentShapes(s: GapSegment, y: number, h: number, size: number): Shape[] {
  const fill = segmentFill(s.answer);
  const shapes: Shape[] = [{ type: 'rect', cls: `gc-seg gc-seg-${s.answer}`, paint: fill.paint, x: s.x, y, width: s.width, height: h, ...(fill.pattern ? { pattern: fill.pattern } : {}) }];
  if (s.label) {
    const onDark = s.answer === 'ja';
    if (!onDark) {
      // A light plate under the label keeps it readable over stripes and dots.
      const w = textWidth(s.label, size - 1, true) + 6;
      shapes.push({ type: 'rect', cls: 'gc-label-plate', paint: { fill: '#ffffff', opacity: 0.85 }, x: s.x + s.width / 2 - w / 2, y: y + h / 2 - size / 2 - 2, width: w, height: size + 4, rx: 2 });
    }
    shapes.push({ type: 'text', cls: `gc-seg-label${onDark ? ' gc-on-dark' : ''}`, paint: { fill: onDark ? '#ffffff' : C.text }, x: s.x + s.width / 2, y: y + h / 2 + size / 2 - 1, text: s.label, anchor: 'middle', size: size - 1, weight: 'bold' });
  }
  return shapes;
}

/** The gap chart's shapes: title, legend, then per question its heading, two bars and the gap. */
export function gapChartScene(l: GapChartLayout): Scene {
  const shapes: Shape[] = [{ type: 'text', cls: 'gc-title', paint: { fill: C.text }, x: 12, y: 8 + l.titleSize, text: l.title, anchor: 'start', size: l.titleSize, weight: 'bold' }];
  for (const item of l.legend) {
    shapes.push(swatch(item.answer, item.x, item.y - 13, 18, 16));
    shapes.push({ type: 'text', cls: 'gc-legend', paint: { fill: C.text }, x: item.x + 24, y: item.y, text: item.label, anchor: 'start', size: l.fontSize });
  }
  shapes.push({ type: 'text', cls: 'gc-gap-heading', paint: { fill: C.muted }, x: l.gapHeading.x, y: l.gapHeading.y, text: l.gapHeading.label, anchor: 'end', size: l.fontSize, weight: 'bold' });
  for (const row of l.rows) {
    shapes.push({ type: 'text', cls: 'gc-question', paint: { fill: C.text }, x: 12, y: row.headingY, text: row.heading, anchor: 'start', size: l.fontSize + 1, weight: 'bold' });
    for (const bar of row.bars) {
      shapes.push({ type: 'text', cls: 'gc-side', paint: { fill: C.text }, x: 12, y: bar.y + (bar.countLabel ? 10 : 15), text: bar.sideLabel, anchor: 'start', size: l.fontSize, weight: 'bold' });
      if (bar.countLabel) shapes.push({ type: 'text', cls: 'gc-count', paint: { fill: C.muted }, x: 12, y: bar.y + 22, text: bar.countLabel, anchor: 'start', size: l.fontSize - 1 });
      if (bar.segments) {
        for (const s of bar.segments) shapes.push(...segmentShapes(s, bar.y, bar.height, l.fontSize));
        shapes.push({ type: 'rect', cls: 'gc-bar-frame', paint: { stroke: C.text, strokeWidth: 1 }, x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 2 });
      } else {
        shapes.push({ type: 'rect', cls: 'gc-bar-empty', paint: { fill: '#f4f1ec', stroke: C.muted, strokeWidth: 1, dash: '4 3' }, x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 2 });
        shapes.push({ type: 'text', cls: 'gc-too-few', paint: { fill: C.muted }, x: bar.x + 8, y: bar.y + bar.height / 2 + l.fontSize / 2 - 1, text: bar.hiddenLabel ?? '', anchor: 'start', size: l.fontSize });
      }
    }
    if (row.gapLabel) shapes.push({ type: 'text', cls: 'gc-gap', paint: { fill: C.text }, x: l.width - 12, y: row.gapY, text: row.gapLabel, anchor: 'end', size: l.fontSize + 1, weight: 'bold' });
  }
  return { width: l.width, height: l.height, title: l.title, description: l.description, cls: 'chart gap-chart', background: C.background, patterns: PATTERNS, shapes };
}
