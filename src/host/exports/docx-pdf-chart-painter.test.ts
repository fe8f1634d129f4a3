import { describe, expect, it } from 'vitest';
import { readSvg } from '../../core/charts/svg-reader';
import type { ReportMeasure } from '../../core/report/session-report';
import { GAP_CHART_WORDS, reportRunChartSvg } from './docx-pdf-chart-painter';

const name = 'Andel patienter som upplever att de fått vänta för länge på besked efter provtagning';
const findings = ['Medianen är 23 (räknad på alla 12 punkter).', 'Värdet 46 den 29 december 2025 ligger långt över de andra: en extrem punkt åt fel håll.'];
const measure: ReportMeasure = {
  id: 'm1',
  name,
  kind: 'balancing',
  kindLabel: 'Balansmått',
  definition: '',
  unit: 'dagar',
  direction: 'down',
  goal: null,
  baselinePoints: null,
  annotations: [],
  annotationKey: null,
  findings,
  points: [20, 22, 46, 21, 23, 24, 22, 25, 23, 21, 24, 22].map((value, i) => {
    const date = new Date(Date.UTC(2025, 11, 15) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return { date, at: Date.parse(date), dateText: date, value, valueText: String(value) };
  }),
};

describe('the reports’ run chart', () => {
  it('is titled with the measure’s name, and says its findings in the description, not in the title', () => {
    const elements = readSvg(reportRunChartSvg(measure, 'sv')!);
    expect(elements.find((e) => e.tag === 'title')?.text).toBe(name);
    expect(elements.find((e) => e.tag === 'desc')?.text).toBe(findings.join(' '));
    const drawnTitle = elements.filter((e) => e.tag === 'text' && (e.attrs.class ?? '').includes('rc-title')).map((e) => e.text);
    expect(drawnTitle.join(' ')).toBe(name);
  });
});

describe('the gap chart’s counts', () => {
  it('says "1 answer" in English and "svar" for any number in Swedish', () => {
    expect([0, 1, 2].map((n) => GAP_CHART_WORDS.en.answers(n))).toEqual(['0 answers', '1 answer', '2 answers']);
    expect([0, 1, 2].map((n) => GAP_CHART_WORDS.sv.answers(n))).toEqual(['0 svar', '1 svar', '2 svar']);
  });
});
