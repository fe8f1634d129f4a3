import { describe, expect, it } from 'vitest';
import { publishResult, type AnswerRecord } from '../instruments/seven-questions-results';
import type { Answer } from '../instruments/vocabulary';
import { layoutGapChart, type GapChartLabels } from './gap-chart-layout';
import { gapChartSvg } from './svg';
import { byClass, readSvg } from './svg-reader';

const labels: GapChartLabels = {
  question: (id) => `Fråga ${id.slice(1)}`,
  side: { patient: 'Patienter', staff: 'Personal' },
  answer: { ja: 'Ja', delvis: 'Delvis', nej: 'Nej', 'vet-inte': 'Vet inte' },
  tooFew: 'För få svar (färre än 3)',
  answers: (n) => `${n} svar`,
  gap: (p) => `${p > 0 ? '+' : ''}${p} p.e.`,
  gapHeading: 'Gap',
};

function answers(side: 'patient' | 'staff', q1: readonly Answer[], q2: readonly Answer[] = []): AnswerRecord[] {
  return q1.map((a, i) => ({ side, answers: { q1: a, ...(q2[i] ? { q2: q2[i] } : {}) } }));
}

// Q1: patients 1 ja, 2 delvis, 1 nej (25 % ja); staff 3 ja, 1 vet inte (100 % of those taking a
// position) → gap +75 points. Q2: only two staff answers → hidden under the threshold of 3.
const result = publishResult(
  [...answers('patient', ['ja', 'delvis', 'delvis', 'nej'], ['ja', 'ja', 'nej', 'nej']), ...answers('staff', ['ja', 'ja', 'ja', 'vet-inte'], ['ja', 'ja'])],
  ['q1', 'q2'],
  3,
  'step',
  0,
);

describe('gap-chart layout', () => {
  const layout = layoutGapChart({ result, title: 'Sju frågor', labels, width: 640 });

  it('has one row per question with a bar per side', () => {
    expect(layout.rows.map((r) => r.heading)).toEqual(['Fråga 1', 'Fråga 2']);
    expect(layout.rows[0]?.bars.map((b) => [b.side, b.sideLabel, b.countLabel])).toEqual([
      ['patient', 'Patienter', '4 svar'],
      ['staff', 'Personal', '4 svar'],
    ]);
    expect(layout.rows[1]!.headingY).toBeGreaterThan(layout.rows[0]!.bars[1]!.y + layout.rows[0]!.bars[1]!.height);
    expect(layout.height).toBeGreaterThan(layout.rows[1]!.bars[1]!.y + layout.rows[1]!.bars[1]!.height);
  });

  it('splits a bar by answer share, left to right, filling the bar exactly', () => {
    const bar = layout.rows[0]!.bars[0]!;
    const segments = bar.segments!;
    expect(segments.map((s) => [s.answer, s.count, s.percent])).toEqual([
      ['ja', 1, 25],
      ['delvis', 2, 50],
      ['nej', 1, 25],
    ]);
    expect(segments[0]!.x).toBe(bar.x);
    expect(segments[1]!.width).toBeCloseTo(bar.width / 2, 0);
    const end = segments[2]!.x + segments[2]!.width;
    expect(end).toBeCloseTo(bar.x + bar.width, 0);
    expect(segments[1]!.label).toBe('50 %');
  });

  it('hides a side under the small-group rule and has no gap for it', () => {
    const staff = layout.rows[1]!.bars[1]!;
    expect(staff.segments).toBeNull();
    expect(staff.countLabel).toBeNull();
    expect(staff.hiddenLabel).toBe('För få svar (färre än 3)');
    expect(layout.rows[1]!.gapLabel).toBeNull();
    expect(layout.rows[0]!.gapLabel).toBe('+75 p.e.');
  });

  it('writes an SVG with the labels, patterns for delvis and nej, and no numbers for the hidden side', () => {
    const svg = gapChartSvg({ result, title: 'Sju frågor', description: 'Patienter och personal, fråga för fråga.', labels, width: 640 }, { idPrefix: 'g1-' });
    const elements = readSvg(svg);
    expect(elements.find((e) => e.tag === 'title')?.text).toBe('Sju frågor');
    expect(elements.filter((e) => e.tag === 'pattern').map((e) => e.attrs.id)).toEqual(['g1-delvis', 'g1-nej']);
    expect(byClass(elements, 'gc-seg-delvis').some((e) => e.attrs.fill === 'url(#g1-delvis)')).toBe(true);
    const texts = elements.filter((e) => e.tag === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Ja', 'Delvis', 'Nej', 'Vet inte', 'Gap', '+75 p.e.', 'För få svar (färre än 3)', '50 %', 'Fråga 2']));
    // Q2's staff side: two answers exist, but no "2 svar" and no percentage is written anywhere.
    expect(texts).not.toContain('2 svar');
  });
});
