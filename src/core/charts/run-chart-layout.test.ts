import { describe, expect, it } from 'vitest';
import { analyseRunChart, type RunChartPoint } from '../improvement/run-chart-rules';
import { layoutRunChart } from './run-chart-layout';
import { runChartScene } from './run-chart-scene';
import { textWidth, type Shape } from './scene';
import { runChartSvg, sceneToSvg } from './svg';
import { byClass, readSvg } from './svg-reader';

function weekly(values: readonly number[]): RunChartPoint[] {
  const t0 = Date.parse('2026-01-05T00:00:00Z');
  return values.map((value, i) => ({ date: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10), value }));
}

// Waiting times that fall after a change on 2026-02-23: a baseline of 8 weeks, then 8 lower.
const values = [34, 38, 31, 36, 40, 33, 37, 35, 28, 26, 24, 25, 22, 23, 21, 24];
const analysis = analyseRunChart(weekly(values), { direction: 'down', baselinePoints: 8 });
const input = {
  analysis,
  title: 'Väntetid till återbesök',
  unit: 'dagar',
  subtitle: 'Lägre är bättre',
  annotations: [{ date: '2026-02-23', label: 'PDSA 1' }, { date: '2026-03-09', label: 'PDSA 2' }],
  description: '9 punkter i rad under medianen från 23 feb: ett skifte i önskad riktning.',
  signalLegend: 'Del av en signal',
  width: 720,
  height: 380,
};

describe('run-chart layout', () => {
  const layout = layoutRunChart(input);
  const { plot } = layout;

  it('places points left to right by date and higher values higher, inside the plot', () => {
    for (const p of layout.points) {
      expect(p.x).toBeGreaterThan(plot.x);
      expect(p.x).toBeLessThan(plot.x + plot.width);
      expect(p.y).toBeGreaterThanOrEqual(plot.y);
      expect(p.y).toBeLessThanOrEqual(plot.y + plot.height);
    }
    const xs = layout.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Equal date spacing → equal x spacing (within rounding).
    const gaps = xs.slice(1).map((x, i) => x - (xs[i] as number));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.3);
    const [high, low] = [layout.points[4], layout.points[14]];
    expect(high?.value).toBe(40);
    expect(low?.value).toBe(21);
    expect(high!.y).toBeLessThan(low!.y);
  });

  it('maps values linearly onto the ticks', () => {
    const first = layout.yTicks[0]!;
    const last = layout.yTicks[layout.yTicks.length - 1]!;
    expect(first.y).toBe(plot.y + plot.height);
    expect(last.y).toBe(plot.y);
    const p = layout.points[0]!;
    const expected = first.y + ((p.value - first.value) / (last.value - first.value)) * (last.y - first.y);
    expect(p.y).toBeCloseTo(expected, 0);
    expect(layout.yTicks.map((t) => t.label)).toEqual(['20', '25', '30', '35', '40']);
  });

  it('flags the points of the shift and the trend, and no others', () => {
    expect(layout.points.filter((p) => p.signal).map((p) => p.index)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(layout.points[7]?.kinds).toEqual(['trend', 'shift']);
  });

  it('draws the median solid over the baseline and dashed beyond, at the median’s height', () => {
    const m = layout.median!;
    expect(m.value).toBe(35.5);
    expect(m.xBaselineEnd).toBe(layout.points[7]?.x);
    expect(m.x2).toBe(plot.x + plot.width);
    expect(m.label).toBe('Median 35.5');
    expect(m.y).toBeGreaterThan(layout.yTicks.find((t) => t.value === 40)!.y);
    expect(m.y).toBeLessThan(layout.yTicks.find((t) => t.value === 35)!.y);
  });

  it('puts each cycle marker at its date, between the neighbouring points', () => {
    const [pdsa1, pdsa2] = layout.annotations;
    expect(pdsa1?.label).toBe('PDSA 1');
    expect(pdsa1!.x).toBeGreaterThan(layout.points[6]!.x);
    expect(pdsa1!.x).toBeCloseTo(layout.points[7]!.x, 0); // 2026-02-23 is the 8th week
    expect(pdsa2!.x).toBeCloseTo(layout.points[9]!.x, 0);
    expect(pdsa1!.y2).toBe(plot.y + plot.height);
    expect(pdsa1!.labelY).toBeLessThan(plot.y);
  });

  it('labels the x axis with formatted dates, weekly at this width', () => {
    const swedish = layoutRunChart({ ...input, formatDate: (iso) => new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) });
    expect(swedish.xTicks.length).toBeGreaterThanOrEqual(4);
    expect(swedish.xTicks.some((t) => /mars/.test(t.label))).toBe(true);
  });

  it('copes with one point and with no points', () => {
    const one = layoutRunChart({ analysis: analyseRunChart(weekly([5]), { direction: 'up' }), title: 'x' });
    expect(one.points[0]!.x).toBeCloseTo(one.plot.x + one.plot.width / 2, 0);
    const none = layoutRunChart({ analysis: analyseRunChart([], { direction: 'up' }), title: 'x' });
    expect(none.points).toEqual([]);
    expect(none.median).toBeNull();
    expect(() => readSvg(sceneToSvg(runChartScene(none)))).not.toThrow();
  });
});

describe('run-chart SVG', () => {
  const svg = runChartSvg(input, { idPrefix: 'rc1-' });
  const elements = readSvg(svg);

  it('is a standalone, labelled SVG with title and desc', () => {
    const root = elements[0]!;
    expect(root.tag).toBe('svg');
    expect(root.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': 'rc1-title rc1-desc', viewBox: '0 0 720 380' });
    expect(root.attrs['font-family']).toBe("'DejaVu Sans', sans-serif");
    expect(elements.find((e) => e.tag === 'title')?.text).toBe('Väntetid till återbesök');
    expect(elements.find((e) => e.tag === 'desc')?.text).toContain('ett skifte i önskad riktning');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('draws every point where the layout puts it: circles, and diamonds for signals', () => {
    const layout = layoutRunChart(input);
    const circles = byClass(elements, 'rc-point').filter((e) => e.tag === 'circle');
    const diamonds = byClass(elements, 'rc-point-signal');
    expect(circles).toHaveLength(6);
    expect(diamonds).toHaveLength(10 + 1); // ten signal points and the legend's diamond
    expect(circles.map((c) => [Number(c.attrs.cx), Number(c.attrs.cy)])).toEqual(layout.points.filter((p) => !p.signal).map((p) => [p.x, p.y]));
  });

  it('writes the labels: ticks, median, cycles, legend, unit', () => {
    const texts = elements.filter((e) => e.tag === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Väntetid till återbesök', 'Lägre är bättre', 'dagar', 'Median 35.5', 'PDSA 1', 'PDSA 2', 'Del av en signal', '20', '40']));
    expect(byClass(elements, 'rc-median-extended')).toHaveLength(1);
  });

  it('draws the median label over the points, with a halo of the background, so a point under it leaves it readable', () => {
    const order = elements.map((e) => e.attrs.class ?? '');
    const label = order.findIndex((c) => c.includes('rc-median-label'));
    const text = byClass(elements, 'rc-median-label')[0]!;
    expect(text.attrs).toMatchObject({ stroke: '#ffffff', 'paint-order': 'stroke' });
    const dataPoints = layoutRunChart(input).points.length;
    // Every data point is drawn before the label (only the legend's diamond, in the header, comes after).
    const pointsBeforeLabel = order.slice(0, label).filter((c) => c.split(' ').includes('rc-point')).length;
    expect(pointsBeforeLabel).toBe(dataPoints);
  });

  it('draws every cycle marker line before any cycle label, each label with a halo: a line passes behind a label in a lower row', () => {
    const order = elements.map((e) => e.attrs.class ?? '');
    const lastLine = order.lastIndexOf('rc-annotation');
    const firstLabel = order.findIndex((c) => c === 'rc-annotation-label');
    expect(lastLine).toBeGreaterThan(-1);
    expect(firstLabel).toBeGreaterThan(lastLine);
    for (const label of byClass(elements, 'rc-annotation-label')) {
      expect(label.attrs).toMatchObject({ stroke: '#ffffff', 'paint-order': 'stroke' });
    }
  });

  it('escapes text', () => {
    const tricky = runChartSvg({ ...input, title: 'A < B & "C"', annotations: [{ date: '2026-02-23', label: '<script>' }] });
    expect(tricky).not.toContain('<script>');
    const parsed = readSvg(tricky);
    expect(parsed.find((e) => e.tag === 'title')?.text).toBe('A < B & "C"');
    expect(parsed.some((e) => e.tag === 'text' && e.text === '<script>')).toBe(true);
  });
});

describe('run-chart header with a long title', () => {
  interface Box { x: number; y: number; width: number; height: number }
  /** A drawn text's box, from the scene (what the SVG and the screen show), with the estimate of scene.ts. */
  const textBox = (shape: Extract<Shape, { type: 'text' }>): Box => {
    const width = textWidth(shape.text, shape.size, shape.weight === 'bold');
    const x = shape.anchor === 'start' ? shape.x : shape.anchor === 'end' ? shape.x - width : shape.x - width / 2;
    return { x, y: shape.y - shape.size, width, height: shape.size * 1.25 };
  };
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const texts = (scene: ReturnType<typeof runChartScene>, cls: string) =>
    scene.shapes.filter((s): s is Extract<Shape, { type: 'text' }> => s.type === 'text' && s.cls.split(' ').includes(cls));

  const longTitle = 'Andel patienter som upplever att de fått vänta för länge på besked efter provtagning';
  // The median is the highest value, so its line runs along the plot's top, right under the header.
  const flatTop = analyseRunChart(weekly([20, 20, 12, 20, 20, 14, 20, 20, 11, 20, 20, 46, 20, 20, 13, 20]), { direction: 'down' });
  const cases = [
    { name: 'screen, Word and PDF (720 × 380) with subtitle, unit and cycles', width: 720, height: 380, extra: { subtitle: 'Lägre är bättre', unit: 'Enhet: %', annotations: input.annotations } },
    { name: '720 × 380 with nothing under the title', width: 720, height: 380, extra: {} },
    { name: 'a narrow chart (480 × 320)', width: 480, height: 320, extra: { subtitle: 'Lägre är bättre' } },
  ];

  for (const c of cases) {
    it(`keeps the title clear of the median label and the legend: ${c.name}`, () => {
      for (const a of [analysis, flatTop]) {
        const layout = layoutRunChart({ analysis: a, title: longTitle, signalLegend: 'Del av en signal', width: c.width, height: c.height, ...c.extra });
        const scene = runChartScene(layout);
        const title = texts(scene, 'rc-title');
        const others = [...texts(scene, 'rc-median-label'), ...texts(scene, 'rc-legend'), ...texts(scene, 'rc-subtitle'), ...texts(scene, 'rc-unit'), ...texts(scene, 'rc-annotation-label')];
        expect(others.some((s) => s.cls === 'rc-legend')).toBe(true);
        expect(others.some((s) => s.cls === 'rc-median-label')).toBe(true);
        for (const line of title) {
          const box = textBox(line);
          expect(box.x + box.width, `"${line.text}" stays inside the chart`).toBeLessThanOrEqual(c.width);
          for (const other of others) expect(overlaps(box, textBox(other)), `"${line.text}" overlaps "${other.text}"`).toBe(false);
        }
        // The whole title is there, over more than one line, and the plot starts under it.
        expect(title.map((l) => l.text).join(' ')).toBe(longTitle);
        expect(title.length).toBeGreaterThan(1);
        expect(layout.plot.y).toBeGreaterThan(Math.max(...title.map((l) => l.y)));
        // The layout's own boxes say the same.
        expect(overlaps(layout.titleBox, layout.median!.labelBox)).toBe(false);
        expect(overlaps(layout.titleBox, layout.legend!.box)).toBe(false);
      }
    });
  }

  it('keeps a short title on one line, where it was', () => {
    const layout = layoutRunChart(input);
    expect(layout.titleLines).toEqual([{ text: 'Väntetid till återbesök', y: 24 }]);
  });

  it('shortens a title too long for three lines with "…"', () => {
    const layout = layoutRunChart({ ...input, title: Array.from({ length: 40 }, () => longTitle.split(' ')[0]).join(' '), width: 360 });
    expect(layout.titleLines).toHaveLength(3);
    expect(layout.titleLines[2]!.text.endsWith('…')).toBe(true);
  });
});
