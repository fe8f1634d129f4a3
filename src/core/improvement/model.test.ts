import { describe, expect, it } from 'vitest';
import {
  ImprovementSchema,
  IsoDateSchema,
  TEXT_LONG,
  TEXT_SHORT,
  cycleAnnotations,
  isCalendarDate,
  newCycle,
  newImprovement,
  nextCycleNumber,
  pointsByDate,
} from './model';
import type { Improvement, Measure, PdsaCycle } from './model';

const NOW = Date.UTC(2026, 10, 23);

function measure(id: string, points: [string, number][] = []): Measure {
  return {
    id,
    name: `Mått ${id}`,
    kind: 'outcome',
    definition: 'Andel patienter som fick svar inom en vecka',
    unit: '%',
    direction: 'up',
    points: points.map(([date, value], i) => ({ id: `${id}-p${i}`, date, value })),
  };
}

function cycle(id: string, ideaId: string, number: number, extra: Partial<PdsaCycle> = {}): PdsaCycle {
  return { ...newCycle({ cycles: [] }, ideaId, id, null, NOW), number, ...extra };
}

/** A whole, valid improvement: one idea from a note, two measures, two cycles. */
function sample(): Improvement {
  const base = newImprovement('imp1', 'Kortare väntan på svar', NOW);
  return {
    ...base,
    aim: { text: 'Alla patienter får svar inom en vecka', coAuthors: [{ name: 'Anna', role: 'patient' }, { role: 'relative' }] },
    measures: [measure('m1', [['2026-01-05', 40], ['2026-01-12', 42]]), measure('m2')],
    changeIdeas: [
      {
        id: 'idea1',
        text: 'Ring upp inom två dagar',
        createdAt: NOW,
        origins: [{ kind: 'note', sessionId: 's1', sessionTitle: 'Träff 1', stepId: 'st1', refId: 'n1', quote: 'Ingen ringde tillbaka', votes: 4, authorRole: 'patient', linkedAt: NOW }],
      },
    ],
    cycles: [
      cycle('c1', 'idea1', 1, { measureIds: ['m1'], plan: { ...newCycle({ cycles: [] }, 'idea1', 'c1', null, NOW).plan, startDate: '2026-02-02', questions: [{ id: 'q1', question: 'Hinner vi?', prediction: 'Ja' }] }, study: { results: [{ questionId: 'q1', result: 'Nästan' }], learning: '', summary: '', improved: 'unclear' } }),
      cycle('c2', 'idea1', 2),
    ],
    sessions: [{ sessionId: 's1', title: 'Träff 1', linkedAt: NOW }],
  };
}

/** The `path: message` lines of a refused value (as the host reports them). */
function problems(value: unknown): string[] {
  const parsed = ImprovementSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ImprovementSchema', () => {
  it('accepts a whole improvement and a new one', () => {
    expect(problems(sample())).toEqual([]);
    expect(problems(newImprovement('x', 'Titel', NOW))).toEqual([]);
  });

  it('refuses dates that are not YYYY-MM-DD or do not exist, wherever they are', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '05/01/2026', '2026-01-05T10:00', '']) {
      expect(IsoDateSchema.safeParse(bad).success, bad).toBe(false);
    }
    const i = sample();
    const withBadPoint = { ...i, measures: [measure('m1', [['2026-02-30', 1]])] };
    expect(problems(withBadPoint)).toEqual(['measures.0.points.0.date: no such date']);
    const withBadStart = structuredClone(i);
    (withBadStart.cycles[0] as PdsaCycle).plan.startDate = '2026-13-01';
    expect(problems(withBadStart)).toEqual(['cycles.0.plan.startDate: YYYY-MM-DD']);
    const withBadDue = structuredClone(i);
    (withBadDue.cycles[1] as PdsaCycle).plan.tasks = [{ id: 't1', text: 'Ring', owner: 'Bo', due: '2026-06-31', done: false }];
    expect(problems(withBadDue)).toEqual(['cycles.1.plan.tasks.0.due: no such date']);
  });

  it('refuses an id used twice: change ideas, measures, cycles, points', () => {
    const i = sample();
    const idea = i.changeIdeas[0]!;
    expect(problems({ ...i, changeIdeas: [idea, { ...idea, text: 'Annan' }] })).toEqual(['changeIdeas.1.id: id used twice']);
    expect(problems({ ...i, measures: [measure('m1'), measure('m1')] })).toEqual(['measures.1.id: id used twice']);
    expect(problems({ ...i, cycles: [i.cycles[0]!, { ...i.cycles[1]!, id: 'c1' }] })).toEqual(['cycles.1.id: id used twice']);
    const twice = measure('m1', [['2026-01-05', 1], ['2026-01-06', 2]]);
    expect(problems({ ...i, measures: [{ ...twice, points: twice.points.map((p) => ({ ...p, id: 'p' })) }, measure('m2')] })).toEqual([
      'measures.0.points.1.id: id used twice',
    ]);
  });

  it('refuses references that point nowhere', () => {
    const i = sample();
    expect(problems({ ...i, cycles: [{ ...i.cycles[0]!, changeIdeaId: 'nothing' }] })).toEqual(['cycles.0.changeIdeaId: no such change idea']);
    expect(problems({ ...i, cycles: [{ ...i.cycles[0]!, measureIds: ['m1', 'gone'] }] })).toEqual(['cycles.0.measureIds.1: no such measure']);
    const c = i.cycles[0]!;
    expect(problems({ ...i, cycles: [{ ...c, study: { ...c.study, results: [{ questionId: 'q9', result: 'x' }] } }] })).toEqual([
      'cycles.0.study.results.0.questionId: no such plan question',
    ]);
    // A change idea with its cycles removed is fine; a cycle without its idea is not.
    expect(problems({ ...i, changeIdeas: [] })).toHaveLength(2);
  });

  it('refuses a cycle number used twice for one change idea, not across ideas', () => {
    const i = sample();
    expect(problems({ ...i, cycles: [i.cycles[0]!, { ...i.cycles[1]!, number: 1 }] })).toEqual(['cycles.1.number: cycle number used twice for this change idea']);
    const other = { ...i.changeIdeas[0]!, id: 'idea2', origins: [] };
    expect(problems({ ...i, changeIdeas: [...i.changeIdeas, other], cycles: [i.cycles[0]!, { ...i.cycles[1]!, changeIdeaId: 'idea2', number: 1 }] })).toEqual([]);
    expect(problems({ ...i, cycles: [{ ...i.cycles[0]!, number: 0 }] })).toEqual(['cycles.0.number: Too small: expected number to be >=1']);
  });

  it('refuses text that is too long or missing, and keeps the limits it names', () => {
    const i = sample();
    expect(problems({ ...i, title: 'x'.repeat(TEXT_SHORT + 1) })).toHaveLength(1);
    expect(problems({ ...i, title: 'x'.repeat(TEXT_SHORT) })).toEqual([]);
    expect(problems({ ...i, title: '   ' })).toHaveLength(1);
    expect(problems({ ...i, aim: { ...i.aim, text: 'x'.repeat(TEXT_LONG + 1) } })).toEqual([`aim.text: Too big: expected string to have <=${TEXT_LONG} characters`]);
    const idea = i.changeIdeas[0]!;
    const longQuote = { ...idea, origins: [{ ...idea.origins[0]!, quote: 'x'.repeat(TEXT_LONG + 1) }] };
    expect(problems({ ...i, changeIdeas: [longQuote] })[0]).toMatch(/^changeIdeas\.0\.origins\.0\.quote: /);
    expect(problems({ ...i, changeIdeas: [{ ...idea, text: '' }] })[0]).toMatch(/^changeIdeas\.0\.text: /);
  });

  it('refuses wrong kinds, a point that is not a number, and a format it does not know', () => {
    const i = sample();
    expect(problems({ ...i, format: 2 })[0]).toMatch(/^format: /);
    expect(problems({ ...i, measures: [{ ...measure('m1'), direction: 'sideways' }] })[0]).toMatch(/^measures\.0\.direction: /);
    const m = measure('m1', [['2026-01-05', 1]]);
    expect(problems({ ...i, measures: [{ ...m, points: [{ ...m.points[0]!, value: Number.NaN }] }] })[0]).toMatch(/^measures\.0\.points\.0\.value: /);
    expect(problems({ ...i, measures: [{ ...m, points: [{ ...m.points[0]!, value: '3' }] }] })[0]).toMatch(/^measures\.0\.points\.0\.value: /);
    const idea = i.changeIdeas[0]!;
    expect(problems({ ...i, changeIdeas: [{ ...idea, origins: [{ ...idea.origins[0]!, authorRole: 'facilitator' }] }] })[0]).toMatch(/authorRole/);
  });
});

describe('nextCycleNumber and newCycle', () => {
  it('numbers a change idea’s cycles 1, 2, 3… on their own, after the highest one', () => {
    const i = sample();
    expect(nextCycleNumber(i, 'idea1')).toBe(3);
    expect(nextCycleNumber(i, 'idea2')).toBe(1);
    expect(nextCycleNumber({ cycles: [cycle('a', 'x', 1), cycle('b', 'x', 4)] }, 'x')).toBe(5);
    expect(nextCycleNumber({ cycles: [] }, 'x')).toBe(1);
  });

  it('makes an empty cycle that validates once added', () => {
    const i = sample();
    const c = newCycle(i, 'idea1', 'c3', 's2', NOW);
    expect(c).toMatchObject({ number: 3, changeIdeaId: 'idea1', sessionId: 's2', measureIds: [] });
    expect(problems({ ...i, cycles: [...i.cycles, c] })).toEqual([]);
  });
});

describe('pointsByDate', () => {
  it('sorts by date and keeps entry order for points on the same day', () => {
    const m = measure('m', [['2026-03-01', 1], ['2026-01-01', 2], ['2026-03-01', 3], ['2026-02-01', 4], ['2026-03-01', 5]]);
    expect(pointsByDate(m).map((p) => p.value)).toEqual([2, 4, 1, 3, 5]);
    expect(m.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]); // the measure itself is untouched
    expect(pointsByDate(measure('empty'))).toEqual([]);
  });
});

describe('cycleAnnotations', () => {
  it('marks the start of each cycle that names the measure, in date order', () => {
    const start = (c: PdsaCycle, date: string | null, measureIds: string[]): PdsaCycle => ({ ...c, measureIds, plan: { ...c.plan, startDate: date } });
    const i = sample();
    const cycles = [
      start(cycle('c1', 'idea1', 1), '2026-03-01', ['m1']),
      start(cycle('c2', 'idea1', 2), '2026-02-01', ['m1', 'm2']),
      start(cycle('c3', 'idea1', 3), null, ['m1']),
      start(cycle('c4', 'idea1', 4), '2026-01-01', ['m2']),
    ];
    expect(cycleAnnotations({ ...i, cycles }, 'm1')).toEqual([
      { date: '2026-02-01', cycleId: 'c2', number: 2 },
      { date: '2026-03-01', cycleId: 'c1', number: 1 },
    ]);
    expect(cycleAnnotations({ ...i, cycles }, 'm2').map((a) => a.cycleId)).toEqual(['c4', 'c2']);
    expect(cycleAnnotations({ ...i, cycles }, 'none')).toEqual([]);
  });
});
