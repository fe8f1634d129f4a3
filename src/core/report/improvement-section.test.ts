import { describe, expect, it } from 'vitest';
import type { Improvement } from '../improvement/model';
import { improvementSection } from './improvement-section';

const improvement: Improvement = {
  format: 1,
  id: 'imp1',
  title: 'Tryggare hemgång',
  createdAt: 1,
  updatedAt: 2,
  revision: 3,
  aim: { text: 'Alla får ett samtal dagen efter hemgång före juni.', coAuthors: [] },
  measures: [
    { id: 'm1', name: 'Andel uppringda', kind: 'process', definition: 'Per vecka', unit: '%', direction: 'up', baselinePoints: null, points: [{ id: 'p2', date: '2026-02-09', value: 60 }, { id: 'p1', date: '2026-02-02', value: 45.5, note: 'start' }] },
  ],
  changeIdeas: [
    {
      id: 'c1',
      text: 'Sjuksköterskan ringer dagen efter',
      createdAt: 1,
      origins: [{ kind: 'note', sessionId: 's', sessionTitle: 'Workshop 1', stepId: 'st', refId: 'n', quote: 'Att någon ringer', authorRole: 'patient', votes: 4, linkedAt: 1 }],
    },
  ],
  cycles: [
    {
      id: 'y1', changeIdeaId: 'c1', number: 1, title: 'En vecka på avdelning 3', createdAt: 1, sessionId: null, systemLevel: 'mikro', consequencesElsewhere: '', measureIds: ['m1'],
      plan: { objective: 'Se om det går', questions: [{ id: 'q1', question: 'Hinner vi?', prediction: 'Ja, 8 av 10' }], what: 'Ringa', who: 'Sjuksköterskan', when: 'v. 6', where: '', tasks: [], dataCollection: '', patientExperience: '', startDate: null },
      do: { whatHappened: 'Vi ringde 9 av 10', observations: '', endDate: null },
      study: { results: [{ questionId: 'q1', result: 'Ja' }], learning: 'Det tar 5 minuter', summary: '', improved: 'yes' },
      act: { decision: 'adopt', nextSteps: 'Alla avdelningar' },
    },
  ],
  sessions: [],
};

describe('the PDSA section of the report', () => {
  it('composes cycles as labelled paragraphs, keeps quotes with their roots, and sorts data points by date', () => {
    const [section] = improvementSection([improvement], 'sv');
    expect(section?.aim).toBe('Alla får ett samtal dagen efter hemgång före juni.');
    expect(section?.changeIdeas[0]?.origins[0]).toEqual({ text: 'Att någon ringer', sessionTitle: 'Workshop 1', roleLabel: 'Patient', votes: 4 });
    const cycle = section?.cycles[0];
    expect(cycle).toMatchObject({ no: 1, status: 'act', statusLabel: 'Beslutad', decisionLabel: 'Införa', changeIdeaText: 'Sjuksköterskan ringer dagen efter' });
    expect(cycle?.plan).toBe('Syfte med testet: Se om det går\n\nVad: Ringa\n\nVem: Sjuksköterskan\n\nNär: v. 6');
    expect(cycle?.prediction).toBe('Hinner vi? → Ja, 8 av 10');
    expect(cycle?.study).toBe('Hinner vi?: Ja\n\nVad lärde vi oss?: Det tar 5 minuter');
    expect(section?.measures[0]?.points.map((p) => [p.date, p.value, p.dateText])).toEqual([
      ['2026-02-02', 45.5, '2 februari 2026'],
      ['2026-02-09', 60, '9 februari 2026'],
    ]);
    expect(improvementSection([improvement], 'en')[0]?.cycles[0]?.decisionLabel).toBe('Adopt');
    expect(section?.measures[0]?.points.map((p) => p.valueText)).toEqual(['45,5', '60']);
    expect(improvementSection([improvement], 'en')[0]?.measures[0]?.points[0]?.valueText).toBe('45.5');
  });

  it('marks each cycle on the run chart of its measure and says in words what the chart signals', () => {
    const weeks = [40, 42, 38, 41, 39, 43, 40, 41, 55, 58, 61, 57, 63, 60];
    const measure = {
      ...improvement.measures[0]!,
      baselinePoints: 8,
      points: weeks.map((value, i) => ({ id: `p${i}`, date: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), value })),
    };
    const cycle = { ...improvement.cycles[0]!, plan: { ...improvement.cycles[0]!.plan, startDate: '2026-03-02' } };
    const [section] = improvementSection([{ ...improvement, measures: [measure], cycles: [cycle] }], 'sv');
    expect(section?.measures[0]?.annotations).toEqual([{ date: '2026-03-02', label: 'PGSA 1' }]);
    // Seven points above the baseline median of 40,5 from 23 February (41, then the six after the change): a shift the right way.
    expect(section?.measures[0]?.findings.join(' ')).toMatch(/7 punkter i rad över medianen från 23 feb(ruari)?\.? 2026: ett skifte i önskad riktning/);
    const [english] = improvementSection([{ ...improvement, measures: [measure], cycles: [cycle] }], 'en');
    expect(english?.measures[0]?.annotations[0]?.label).toBe('PDSA 1');
    expect(english?.measures[0]?.findings.join(' ')).toMatch(/shift/i);
  });
});

describe('cycle markers when a chart shows the cycles of several change ideas', () => {
  // Two ideas, each with its own PDSA 1 and PDSA 2 (cycles are numbered per idea), all on one measure.
  const ideaB = { id: 'c2', text: 'Skriftlig plan med hem', createdAt: 2, origins: [] };
  const base = improvement.cycles[0]!;
  const cycle = (id: string, changeIdeaId: string, number: number, startDate: string) => ({ ...base, id, changeIdeaId, number, plan: { ...base.plan, startDate } });
  const two: Improvement = {
    ...improvement,
    changeIdeas: [...improvement.changeIdeas, ideaB],
    cycles: [cycle('a1', 'c1', 1, '2026-02-02'), cycle('b1', 'c2', 1, '2026-02-09'), cycle('a2', 'c1', 2, '2026-02-16'), cycle('b2', 'c2', 2, '2026-02-23')],
  };

  it('names each marker by its idea’s letter and number, so no two read alike, and gives the key in both languages', () => {
    const [sv] = improvementSection([two], 'sv');
    const labels = sv!.measures[0]!.annotations.map((a) => a.label);
    expect(labels).toEqual(['A·1', 'B·1', 'A·2', 'B·2']);
    expect(new Set(labels).size).toBe(labels.length);
    expect(sv!.changeIdeas.map((i) => i.letter)).toEqual(['A', 'B']);
    expect(sv!.cycles.map((c) => c.code)).toEqual(['A·1', 'B·1', 'A·2', 'B·2']);
    expect(sv!.measures[0]!.annotationKey).toBe(
      'Cykler i diagrammet, som förändringsidéns bokstav·PGSA-cykelns nummer (B·8 = idé B:s åttonde cykel): A = Sjuksköterskan ringer dagen efter; B = Skriftlig plan med hem.',
    );
    const [en] = improvementSection([two], 'en');
    expect(en!.measures[0]!.annotations.map((a) => a.label)).toEqual(['A·1', 'B·1', 'A·2', 'B·2']);
    expect(en!.measures[0]!.annotationKey).toBe(
      "Cycles in the chart, as the change idea's letter·the PDSA cycle's number (B·8 = idea B's eighth cycle): A = Sjuksköterskan ringer dagen efter; B = Skriftlig plan med hem.",
    );
  });

  it('keys only the ideas whose cycles the chart shows', () => {
    const onlyB = { ...two, cycles: two.cycles.filter((c) => c.changeIdeaId === 'c2') };
    const [sv] = improvementSection([onlyB], 'sv');
    expect(sv!.measures[0]!.annotations.map((a) => a.label)).toEqual(['B·1', 'B·2']);
    expect(sv!.measures[0]!.annotationKey).toMatch(/: B = Skriftlig plan med hem\.$/);
  });

  it('keeps the plain "PGSA 1" with a single change idea, where nothing needs telling apart', () => {
    const one = { ...improvement, cycles: [cycle('a1', 'c1', 1, '2026-02-02')] };
    const [sv] = improvementSection([one], 'sv');
    expect(sv!.measures[0]!.annotations.map((a) => a.label)).toEqual(['PGSA 1']);
    expect(sv!.measures[0]!.annotationKey).toBeNull();
    expect(sv!.changeIdeas[0]!.letter).toBeNull();
    expect(sv!.cycles[0]!.code).toBe('1');
  });
});
