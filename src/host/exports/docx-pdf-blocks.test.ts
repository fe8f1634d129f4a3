import { describe, expect, it } from 'vitest';
import type { Improvement } from '../../core/improvement/model';
import { improvementSection } from '../../core/report/improvement-section';
import { reportText } from '../../core/report/session-report';
import type { ReportNote, ReportSevenQuestionsResults, ReportStep, SessionReport } from '../../core/report/session-report';
import { reportBlocks, sourced } from './docx-pdf-blocks';
import type { Block } from './docx-pdf-blocks';

const text = reportText('sv');

function note(id: string, body: string, extra: Partial<ReportNote> = {}): ReportNote {
  return { id, text: body, createdAt: 1, role: 'patient', roleLabel: 'Patient', onBehalf: false, ...extra };
}

function report(steps: ReportStep[]): SessionReport {
  return {
    format: 'samskapa-session-report',
    version: 1,
    lang: 'sv',
    sessionId: 's1',
    generatedAt: 0,
    generatedAtText: '23 november 2026 kl. 14.05',
    text,
    titlePage: { title: 'Vårdmöten', date: '2026-11-23', dateText: '23 november 2026', place: null, facilitators: [], purpose: null, progressText: null },
    participants: { total: 0, byRole: [], patientSharePercent: null, named: [], unnamedCount: 0 },
    agenda: [],
    steps,
    improvements: [],
    sources: [],
  };
}

function step(no: number, results: ReportStep['results'], sourceLine: string | null = null): ReportStep {
  return { stepId: `s${no}`, no, title: `Steg ${no}`, type: results.kind, typeLabel: results.kind, instructions: '', groupMode: 'room', status: 'done', sourceLine, results };
}

const texts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => {
    if (b.type === 'paragraph') return [b.runs.map((r) => r.text).join('')];
    if (b.type === 'bullets') return b.items.map((item) => item.map((r) => r.text).join(''));
    if (b.type === 'heading' || b.type === 'title') return [b.text];
    if (b.type === 'table') return b.rows.map((row) => row.join(' | '));
    return [];
  });

describe('the report as document blocks', () => {
  it('prints "Källa:" exactly once, whether the line already carries it or not', () => {
    expect(sourced('Källa:', 'Källa: SKR, Ett steg till, 2022')).toBe('Källa: SKR, Ett steg till, 2022');
    expect(sourced('Källa:', 'Källa: Källa: SKR')).toBe('Källa: SKR');
    expect(sourced('Källa:', 'SKR')).toBe('Källa: SKR');
  });

  it('lists votes most first, with the role and only a given name', () => {
    const blocks = reportBlocks(
      report([
        step(1, {
          kind: 'votes',
          votesPerPerson: 3,
          voterCount: 2,
          totalVotes: 4,
          sourceStepTitle: null,
          ranked: [
            { rank: 1, votes: 3, note: note('a', 'Kortare kö') },
            { rank: 2, votes: 1, note: note('b', 'Samma läkare', { role: 'staff', roleLabel: 'Medarbetare', authorName: 'Åsa' }) },
          ],
        }),
      ]),
    );
    const table = blocks.find((b) => b.type === 'table' && b.columns[0]?.header === text.rank);
    expect(table?.type === 'table' ? table.rows : []).toEqual([
      ['1', '3', 'Kortare kö (Patient)'],
      ['2', '1', 'Samma läkare (Medarbetare, Åsa)'],
    ]);
  });

  it('says who wrote a note by role, name only where given, and marks paper notes', () => {
    const lines = texts(
      reportBlocks(
        report([
          step(1, { kind: 'notes', unrevealedCount: 2, groups: [{ groupName: null, notes: [note('a', 'Anonym rad'), note('b', 'Från papper', { onBehalf: true, role: 'relative', roleLabel: 'Närstående' })] }] }, 'Källa: Källa: SKR'),
        ]),
      ),
    );
    expect(lines).toContain('Anonym rad — Patient');
    expect(lines).toContain(`Från papper — Närstående, ${text.onBehalf}`);
    expect(lines).toContain('2 lappar som ännu inte visats för rummet ingår inte.');
    expect(lines).toContain('Källa: SKR');
  });

  it('draws the gap chart only for published seven-question results, before the table of shares', () => {
    const seven = (published: boolean): ReportSevenQuestionsResults => ({
      kind: 'seven-questions',
      published,
      threshold: 3,
      answerLabels: { ja: 'Ja', delvis: 'Delvis', nej: 'Nej', 'vet-inte': 'Vet inte' },
      sideLabels: { patient: 'Patienter', staff: 'Personal' },
      respondents: { patient: 3, staff: 4 },
      rows: [
        {
          questionId: 'q4',
          no: 4,
          theme: 'Fast vårdkontakt',
          patientText: 'Har du en fast vårdkontakt?',
          staffText: 'Har era patienter en fast vårdkontakt?',
          patient: { counts: { ja: 0, delvis: 1, nej: 2, 'vet-inte': 0 }, jaPercent: 0 },
          staff: { counts: null, jaPercent: null },
          gapPoints: null,
        },
      ],
      allJa: { patient: 0, staff: null },
    });
    const before = reportBlocks(report([step(1, seven(false))]));
    expect(before.some((b) => b.type === 'chart')).toBe(false);
    expect(texts(before)).toContain(text.notPublished);
    const after = reportBlocks(report([step(1, seven(true))]));
    const chartAt = after.findIndex((b) => b.type === 'chart');
    const tableAt = after.findIndex((b) => b.type === 'table');
    expect(chartAt).toBeGreaterThan(-1);
    expect(chartAt).toBeLessThan(tableAt);
    expect(texts(after)).toContain(`4. Fast vårdkontakt | 0 % | ${text.tooFewAnswers} | –`);
  });
});

describe('the PDSA part with several change ideas', () => {
  const base: Improvement['cycles'][number] = {
    id: 'y', changeIdeaId: 'c1', number: 1, title: 'Test', createdAt: 1, sessionId: null, systemLevel: null, consequencesElsewhere: '', measureIds: ['m1'],
    plan: { objective: 'Se', questions: [], what: '', who: '', when: '', where: '', tasks: [], dataCollection: '', patientExperience: '', startDate: '2026-01-12' },
    do: { whatHappened: '', observations: '', endDate: null }, study: { results: [], learning: '', summary: '', improved: null }, act: { decision: null, nextSteps: '' },
  };
  const improvement: Improvement = {
    format: 1, id: 'imp', title: 'Tryggare hemgång', createdAt: 1, updatedAt: 1, revision: 1, sessions: [],
    aim: { text: '', coAuthors: [] },
    changeIdeas: [{ id: 'c1', text: 'Ring dagen efter', createdAt: 1, origins: [] }, { id: 'c2', text: 'Skriftlig plan', createdAt: 1, origins: [] }],
    cycles: [{ ...base, id: 'a1' }, { ...base, id: 'b1', changeIdeaId: 'c2', plan: { ...base.plan, startDate: '2026-01-19' } }],
    measures: [{ id: 'm1', name: 'Återbesök', kind: 'outcome', definition: '', unit: '%', direction: 'up', baselinePoints: null, points: [10, 12, 11, 14].map((value, i) => ({ id: `p${i}`, date: `2026-01-${String(5 + 7 * i).padStart(2, '0')}`, value })) }],
  };

  it('letters the ideas, codes the cycles and keeps the markers’ key with its chart as the caption', () => {
    const blocks = reportBlocks({ ...report([]), improvements: improvementSection([improvement], 'sv') });
    expect(texts(blocks)).toEqual(expect.arrayContaining(['A. Ring dagen efter', 'B. Skriftlig plan', 'A·1. Test — Planeras', 'B·1. Test — Planeras']));
    const chart = blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.caption).toMatch(/^Cykler i diagrammet.*: A = Ring dagen efter; B = Skriftlig plan\.$/);
    // The key is not a paragraph of its own that a page break could part from the chart.
    expect(texts(blocks).some((t) => t.startsWith('Cykler i diagrammet'))).toBe(false);
  });
});
