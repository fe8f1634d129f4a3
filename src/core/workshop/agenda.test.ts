import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, moveStep, nextStep, parseStep, previousStep, removeStep, repeatStep, schedule, selectAgenda, setStepSkipped, totalMinutes, updateStep } from './agenda';

function agenda(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = ['Välkommen', 'Skriv', 'Rösta', 'Avslut'].map((title, i) =>
    addStep(doc, { type: i === 2 ? 'dot-voting' : 'note-board', title, minutes: 10 * (i + 1) }).id,
  );
  return { doc, ids };
}

describe('agenda', () => {
  it('validates steps against their type, filling config defaults', () => {
    const step = parseStep({ type: 'dot-voting', title: 'Rösta', minutes: 5, config: { votesPerPerson: 5 } });
    expect(step).toMatchObject({ type: 'dot-voting', config: { votesPerPerson: 5, allowStacking: false } });
    expect(parseStep({ type: 'teleport', title: 'x', minutes: 1 })).toEqual({ error: 'unknown-step-type', type: 'teleport' });
    expect(parseStep({ type: 'dot-voting', title: 'x', minutes: 1, config: { votesPerPerson: 0 } })).toMatchObject({ error: 'invalid-step' });
    expect(parseStep({ type: 'note-board', title: '  ', minutes: 1 })).toMatchObject({ error: 'invalid-step' });
    expect(parseStep({ type: 'note-board', title: 'x', minutes: -1 })).toMatchObject({ error: 'invalid-step' });
  });

  it('reorders by moving a step, clamped to the ends', () => {
    const { doc, ids } = agenda();
    moveStep(doc, ids[3]!, 0);
    expect(selectAgenda(doc).map((s) => s.title)).toEqual(['Avslut', 'Välkommen', 'Skriv', 'Rösta']);
    moveStep(doc, ids[3]!, 99);
    expect(selectAgenda(doc).map((s) => s.title)).toEqual(['Välkommen', 'Skriv', 'Rösta', 'Avslut']);
    expect(moveStep(doc, 'missing', 0)).toBe(false);
  });

  it('counts only steps that will run, and schedules their starts', () => {
    const { doc, ids } = agenda();
    expect(totalMinutes(selectAgenda(doc))).toBe(100);
    setStepSkipped(doc, ids[1]!, true);
    const steps = selectAgenda(doc);
    expect(totalMinutes(steps)).toBe(80);
    const start = Date.UTC(2026, 10, 23, 9, 0);
    const plan = schedule(steps, start);
    expect(plan.starts.get(ids[2]!)).toBe(start + 10 * 60_000);
    expect(plan.endsAt).toBe(start + 80 * 60_000);
  });

  it('steps forward and back over skipped steps', () => {
    const { doc, ids } = agenda();
    setStepSkipped(doc, ids[1]!, true);
    const steps = selectAgenda(doc);
    expect(nextStep(steps, null)?.id).toBe(ids[0]);
    expect(nextStep(steps, ids[0]!)?.id).toBe(ids[2]);
    expect(previousStep(steps, ids[2]!)?.id).toBe(ids[0]);
    expect(nextStep(steps, ids[3]!)).toBeUndefined();
  });

  it('repeats a step right after itself with a new id, edits and removes', () => {
    const { doc, ids } = agenda();
    const copy = repeatStep(doc, ids[1]!);
    expect(selectAgenda(doc)[2]).toMatchObject({ title: 'Skriv', id: copy?.id });
    expect(copy?.id).not.toBe(ids[1]);
    expect(updateStep(doc, ids[1]!, { title: 'Skriv tyst', minutes: 12 })).toBe(true);
    expect(updateStep(doc, ids[1]!, { minutes: -3 })).toBe(false);
    expect(selectAgenda(doc)[1]).toMatchObject({ title: 'Skriv tyst', minutes: 12 });
    removeStep(doc, ids[0]!);
    expect(selectAgenda(doc)).toHaveLength(4);
  });
});
