/**
 * A laid-out run chart as shapes (scene.ts). Non-colour cues throughout: points that are part of a
 * signal are diamonds (ordinary points are circles), the median extended past its baseline is
 * dashed, cycle markers are dotted lines with their label.
 */
import type { RunChartLayout } from './run-chart-layout';
import { CHART_FONT_FAMILY, PRINT_PALETTE as C, px, type Scene, type Shape } from './scene';

export { CHART_FONT_FAMILY };

function diamond(x: number, y: number, r: number): [number, number][] {
  return [
    [px(x), px(y - r)],
    [px(x + r), px(y)],
    [px(x), px(y + r)],
    [px(x - r), px(y)],
  ];
}

function axes(l: RunChartLayout): Shape[] {
  const { plot } = l;
  const bottom = plot.y + plot.height;
  const shapes: Shape[] = [];
  for (const t of l.yTicks) {
    shapes.push({ type: 'line', cls: 'rc-grid', paint: { stroke: C.grid, strokeWidth: 1 }, x1: plot.x, y1: t.y, x2: plot.x + plot.width, y2: t.y });
    shapes.push({ type: 'text', cls: 'rc-tick', paint: { fill: C.muted }, x: plot.x - 8, y: px(t.y + 4), text: t.label, anchor: 'end', size: l.fontSize });
  }
  shapes.push({ type: 'line', cls: 'rc-axis', paint: { stroke: C.axis, strokeWidth: 1 }, x1: plot.x, y1: plot.y, x2: plot.x, y2: bottom });
  shapes.push({ type: 'line', cls: 'rc-axis', paint: { stroke: C.axis, strokeWidth: 1 }, x1: plot.x, y1: bottom, x2: plot.x + plot.width, y2: bottom });
  for (const t of l.xTicks) {
    shapes.push({ type: 'line', cls: 'rc-axis', paint: { stroke: C.axis, strokeWidth: 1 }, x1: t.x, y1: bottom, x2: t.x, y2: bottom + 5 });
    shapes.push({ type: 'text', cls: 'rc-tick', paint: { fill: C.muted }, x: t.x, y: bottom + 19, text: t.label, anchor: 'middle', size: l.fontSize });
  }
  return shapes;
}

function header(l: RunChartLayout): Shape[] {
  const shapes: Shape[] = l.titleLines.map((line): Shape => ({ type: 'text', cls: 'rc-title', paint: { fill: C.text }, x: l.titleBox.x, y: line.y, text: line.text, anchor: 'start', size: l.titleSize, weight: 'bold' }));
  if (l.subtitle) {
    shapes.push({ type: 'text', cls: 'rc-subtitle', paint: { fill: C.muted }, x: l.titleBox.x, y: l.subtitleY, text: l.subtitle, anchor: 'start', size: l.fontSize });
  }
  if (l.unit) {
    shapes.push({ type: 'text', cls: 'rc-unit', paint: { fill: C.muted }, x: l.titleBox.x, y: l.unitY, text: l.unit, anchor: 'start', size: l.fontSize });
  }
  if (l.legend) {
    shapes.push({ type: 'polygon', cls: 'rc-point rc-point-signal', paint: { fill: C.signal, stroke: C.background, strokeWidth: 1 }, points: diamond(l.legend.x + 5, l.legend.y - 4, 6) });
    shapes.push({ type: 'text', cls: 'rc-legend', paint: { fill: C.text }, x: l.legend.x + 16, y: l.legend.y, text: l.legend.label, anchor: 'start', size: l.fontSize });
  }
  return shapes;
}

function median(l: RunChartLayout): Shape[] {
  const m = l.median;
  if (!m) return [];
  const shapes: Shape[] = [{ type: 'line', cls: 'rc-median', paint: { stroke: C.median, strokeWidth: 2 }, x1: m.x1, y1: m.y, x2: m.xBaselineEnd, y2: m.y }];
  if (m.xBaselineEnd < m.x2) {
    shapes.push({ type: 'line', cls: 'rc-median rc-median-extended', paint: { stroke: C.median, strokeWidth: 2, dash: '6 4' }, x1: m.xBaselineEnd, y1: m.y, x2: m.x2, y2: m.y });
  }
  return shapes;
}

/** The median's label, drawn over the data with a halo: points near the right end would hide it otherwise. */
function medianLabel(l: RunChartLayout): Shape[] {
  const m = l.median;
  if (!m) return [];
  return [{ type: 'text', cls: 'rc-median-label', paint: { fill: C.median }, x: m.x2 - 4, y: m.labelY, text: m.label, anchor: 'end', size: l.fontSize, weight: 'bold', halo: C.background }];
}

/**
 * Every marker line first, then every label with a halo of the background: when cycles are dense, a
 * line from an upper row of labels passes behind a label in a lower row instead of through its letters.
 */
function annotations(l: RunChartLayout): Shape[] {
  const lines = l.annotations.map((a): Shape => (
    { type: 'line', cls: 'rc-annotation', paint: { stroke: C.annotation, strokeWidth: 1.5, dash: '2 3' }, x1: a.x, y1: a.y1, x2: a.x, y2: a.y2 }
  ));
  const labels = l.annotations.map((a): Shape => (
    { type: 'text', cls: 'rc-annotation-label', paint: { fill: C.annotation }, x: a.labelX, y: a.labelY, text: a.label, anchor: a.anchor, size: l.fontSize - 1, weight: 'bold', halo: C.background }
  ));
  return [...lines, ...labels];
}

function data(l: RunChartLayout): Shape[] {
  const shapes: Shape[] = [];
  if (l.points.length > 1) {
    shapes.push({ type: 'polyline', cls: 'rc-line', paint: { stroke: C.line, strokeWidth: 2 }, points: l.points.map((p) => [p.x, p.y] as const) });
  }
  for (const p of l.points) {
    shapes.push(
      p.signal
        ? { type: 'polygon', cls: 'rc-point rc-point-signal', paint: { fill: C.signal, stroke: C.background, strokeWidth: 1 }, points: diamond(p.x, p.y, 6.5) }
        : { type: 'circle', cls: 'rc-point', paint: { fill: C.point, stroke: C.background, strokeWidth: 1 }, cx: p.x, cy: p.y, r: 4 },
    );
  }
  return shapes;
}

/** The run chart's shapes, back to front: grid and axes, median, cycle markers, line, points, the median's label, header. */
export function runChartScene(l: RunChartLayout): Scene {
  return {
    width: l.width,
    height: l.height,
    title: l.title,
    description: l.description,
    cls: 'chart run-chart',
    background: C.background,
    patterns: [],
    shapes: [...axes(l), ...median(l), ...annotations(l), ...data(l), ...medianLabel(l), ...header(l)],
  };
}
