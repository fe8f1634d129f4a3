import { describe, expect, it } from 'vitest';
import { newCycle, newImprovement, type Improvement } from '../../../core/improvement/model';
import { revisionChanges } from './revision-changes';

function withMeasure(base: Improvement): Improvement {
  const next = structuredClone(base);
  next.measures.push({
    id: 'm1',
    name: 'Väntetid',
    kind: 'outcome',
    definition: '',
    unit: 'min',
    direction: 'down',
    points: [],
  } as unknown as Improvement['measures'][number]);
  return next;
}

describe('revision changes (the history says what each save changed)', () => {
  it('calls the first revision created and a save of the same content nothing', () => {
    const first = newImprovement('imp1', 'Väntetider', 1);
    expect(revisionChanges(null, first)).toEqual([{ kind: 'created' }]);
    expect(revisionChanges(first, { ...structuredClone(first), revision: 1, updatedAt: 5 })).toEqual([{ kind: 'nothing' }]);
  });

  it('names a changed aim and title, and counts points apart from their measure', () => {
    const before = withMeasure(newImprovement('imp1', 'Väntetider', 1));
    const after = structuredClone(before);
    after.title = 'Kortare väntetider';
    after.aim.text = 'Hälften så lång väntan';
    after.measures[0]!.points.push(
      { id: 'p1', date: '2026-01-01', value: 30 },
      { id: 'p2', date: '2026-01-08', value: 28 },
      { id: 'p3', date: '2026-01-15', value: 25 },
    );
    expect(revisionChanges(before, after)).toEqual([{ kind: 'title' }, { kind: 'aim' }, { kind: 'pointsAdded', count: 3 }]);
  });

  it('counts measures, ideas and cycles added, removed and changed, and newly linked workshops', () => {
    const before = withMeasure(newImprovement('imp1', 'Väntetider', 1));
    before.changeIdeas.push({ id: 'i1', text: 'Sms', createdAt: 1, origins: [] }, { id: 'i2', text: 'Lapp', createdAt: 1, origins: [] });
    const after = structuredClone(before);
    after.measures = [];
    after.changeIdeas[0]!.text = 'Sms när det är min tur';
    after.changeIdeas.push({ id: 'i3', text: 'Ny skylt', createdAt: 2, origins: [] });
    after.cycles.push(newCycle(after, 'i1', 'c1', null, 2), newCycle(after, 'i3', 'c2', null, 2));
    after.sessions.push({ sessionId: 's1', title: 'Workshop 1', linkedAt: 2 });
    expect(revisionChanges(before, after)).toEqual([
      { kind: 'measuresRemoved', count: 1 },
      { kind: 'ideasAdded', count: 1 },
      { kind: 'ideasChanged', count: 1 },
      { kind: 'cyclesAdded', count: 2 },
      { kind: 'sessionsLinked', count: 1 },
    ]);
  });
});
