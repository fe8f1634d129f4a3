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
  });
});
