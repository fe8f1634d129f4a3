import { describe, expect, it } from 'vitest';
import { newCycle, newImprovement } from '../../../core/improvement/model';
import { changedTexts } from './changed-texts';

describe('changed texts (kept on screen after a save conflict)', () => {
  it('finds new and changed strings, names their cycle and field, and skips ids and unchanged text', () => {
    const base = newImprovement('imp1', 'Väntetider', 1);
    base.aim.text = 'Kortare väntan';
    base.changeIdeas.push({ id: 'idea1', text: 'Sms när det är min tur', createdAt: 1, origins: [] });
    base.cycles.push(newCycle(base, 'idea1', 'c1', null, 1));
    const mine = structuredClone(base);
    mine.aim.text = 'Kortare väntan för alla';
    mine.cycles[0]!.plan.objective = 'Pröva sms på en mottagning';
    mine.cycles[0]!.plan.questions.push({ id: 'q1', question: 'Kommer fler i tid?', prediction: 'Ja, hälften' });
    expect(changedTexts(base, mine)).toEqual([
      { context: null, field: 'text', section: 'aim', text: 'Kortare väntan för alla' },
      { context: { kind: 'cycle', number: 1 }, field: 'objective', section: 'cycles', text: 'Pröva sms på en mottagning' },
      { context: { kind: 'cycle', number: 1 }, field: 'question', section: 'cycles', text: 'Kommer fler i tid?' },
      { context: { kind: 'cycle', number: 1 }, field: 'prediction', section: 'cycles', text: 'Ja, hälften' },
    ]);
    expect(changedTexts(base, structuredClone(base))).toEqual([]);
  });
});
