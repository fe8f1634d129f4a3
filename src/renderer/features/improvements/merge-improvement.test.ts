import { describe, expect, it } from 'vitest';
import { newCycle, newImprovement, type Improvement } from '../../../core/improvement/model';
import { mergeImprovements } from './merge-improvement';

function start(): Improvement {
  const base = newImprovement('imp', 'Tryggare hemgång', 1);
  base.changeIdeas.push({ id: 'idea', text: 'Skriftlig plan', createdAt: 1, origins: [] });
  base.measures.push({ id: 'm', name: 'Andel', kind: 'outcome', definition: '', unit: '%', direction: 'up', baselinePoints: null, points: [] });
  base.cycles.push(newCycle(base, 'idea', 'c1', null, 1));
  return base;
}

describe('merging a refused save with the newest version', () => {
  it('keeps both when they touched different things: my cycle text, their new idea and data point', () => {
    const base = start();
    const mine = structuredClone(base);
    mine.cycles[0]!.plan.objective = 'Lära oss om planen hjälper';
    const theirs = structuredClone(base);
    theirs.revision = 4;
    theirs.changeIdeas.push({ id: 'idea2', text: 'Ring upp dagen efter', createdAt: 2, origins: [] });
    theirs.measures[0]!.points.push({ id: 'p1', date: '2026-03-09', value: 55, sessionId: 's2' });
    const merged = mergeImprovements(base, mine, theirs);
    expect(merged?.revision).toBe(4);
    expect(merged?.cycles[0]?.plan.objective).toBe('Lära oss om planen hjälper');
    expect(merged?.changeIdeas.map((i) => i.id)).toEqual(['idea', 'idea2']);
    expect(merged?.measures[0]?.points).toHaveLength(1);
  });

  it('keeps items both added, and a removal the other side did not touch', () => {
    const base = start();
    const mine = structuredClone(base);
    mine.measures[0]!.points.push({ id: 'mine', date: '2026-03-02', value: 40 });
    mine.cycles = [];
    const theirs = structuredClone(base);
    theirs.measures[0]!.points.push({ id: 'theirs', date: '2026-03-09', value: 55 });
    const merged = mergeImprovements(base, mine, theirs);
    expect(merged?.measures[0]?.points.map((p) => p.id)).toEqual(['theirs', 'mine']);
    expect(merged?.cycles).toEqual([]);
  });

  it('gives up when both changed the same text, or one removed what the other changed', () => {
    const base = start();
    const mine = structuredClone(base);
    mine.aim.text = 'Mitt mål';
    const theirs = structuredClone(base);
    theirs.aim.text = 'Deras mål';
    expect(mergeImprovements(base, mine, theirs)).toBeNull();

    const removing = structuredClone(base);
    removing.cycles = [];
    const editing = structuredClone(base);
    editing.cycles[0]!.do.whatHappened = 'Det gick bra';
    expect(mergeImprovements(base, removing, editing)).toBeNull();
    expect(mergeImprovements(base, editing, removing)).toBeNull();
  });

  it('gives up when the result breaks the model: two cycles numbered PGSA 2 for the same idea', () => {
    const base = start();
    const mine = structuredClone(base);
    mine.cycles.push({ ...newCycle(base, 'idea', 'mine2', null, 2) });
    const theirs = structuredClone(base);
    theirs.cycles.push({ ...newCycle(base, 'idea', 'their2', null, 2) });
    expect(mergeImprovements(base, mine, theirs)).toBeNull();
  });
});
