import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { layoutRunChart } from '../../core/charts/run-chart-layout';
import { runChartSvg } from '../../core/charts/svg';
import { analyseRunChart } from '../../core/improvement/run-chart-rules';
import { chartSvgToPng } from './chart-images';

/** Decodes a PNG back to RGBA pixels (resvg reads PNG as an <image>). */
function pixels(png: Buffer, width: number, height: number): Uint8Array {
  const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(wrapper, { font: { loadSystemFonts: false } }).render().pixels;
}

function darkPixels(rgba: Uint8Array, width: number, box: { x: number; y: number; w: number; h: number }): number {
  let dark = 0;
  for (let y = box.y; y < box.y + box.h; y += 1) {
    for (let x = box.x; x < box.x + box.w; x += 1) {
      const i = (y * width + x) * 4;
      if ((rgba[i] ?? 255) + (rgba[i + 1] ?? 255) + (rgba[i + 2] ?? 255) < 300) dark += 1;
    }
  }
  return dark;
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" font-family="'DejaVu Sans', sans-serif"><text x="10" y="28" font-size="24" fill="#000">${text}</text></svg>`;

describe('chart SVG → PNG', () => {
  it('renders at twice the size, as a real PNG', () => {
    const { png, width, height } = chartSvgToPng(textSvg('Väntetid'));
    expect([width, height]).toEqual([400, 80]);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(400); // IHDR width
    expect(png.readUInt32BE(20)).toBe(80);
  });

  it('draws Swedish letters with the bundled font: å ä ö differ from a a o, and text is not blank', () => {
    const swedish = chartSvgToPng(textSvg('åäö ÅÄÖ'), { scale: 1 });
    const plain = chartSvgToPng(textSvg('aao AAO'), { scale: 1 });
    const box = { x: 0, y: 0, w: 200, h: 40 };
    const ink = darkPixels(pixels(swedish.png, 200, 40), 200, box);
    expect(ink).toBeGreaterThan(200);
    // The rings and dots are extra ink above the base letters.
    expect(ink).toBeGreaterThan(darkPixels(pixels(plain.png, 200, 40), 200, box));
  });

  it('puts a run chart’s signal points in the signal colour where the layout says', () => {
    const t0 = Date.parse('2026-01-05T00:00:00Z');
    const values = [34, 38, 31, 36, 40, 33, 37, 35, 28, 26, 24, 25, 22, 23, 21, 24];
    const points = values.map((value, i) => ({ date: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10), value }));
    const input = { analysis: analyseRunChart(points, { direction: 'down' as const, baselinePoints: 8 }), title: 'Väntetid till återbesök (dagar)' };
    const layout = layoutRunChart(input);
    const { png, width, height } = chartSvgToPng(runChartSvg(input));
    expect([width, height]).toEqual([layout.width * 2, layout.height * 2]);
    const rgba = pixels(png, width, height);
    const colourAt = (x: number, y: number) => {
      const i = (Math.round(y * 2) * width + Math.round(x * 2)) * 4;
      return [rgba[i], rgba[i + 1], rgba[i + 2]];
    };
    const signal = layout.points.find((p) => p.signal)!;
    const ordinary = layout.points.find((p) => !p.signal)!;
    expect(colourAt(signal.x, signal.y)).toEqual([0xa1, 0x3c, 0x0b]);
    expect(colourAt(ordinary.x, ordinary.y)).toEqual([0x1b, 0x53, 0x84]);
    // The title's Swedish letters leave ink in the header.
    expect(darkPixels(rgba, width, { x: 24, y: 16, w: 500, h: 30 })).toBeGreaterThan(500);
  });
});
