import { describe, expect, it } from 'vitest';
import { changeType, draftToInput, newDraft } from './step-draft';

describe('step drafts', () => {
  it('starts from the type defaults', () => {
    const draft = newDraft('dot-voting');
    expect(draft.minutes).toBe('10');
    expect(draft.config).toEqual({ votesPerPerson: 3, allowStacking: false, sourceStepId: null });
  });

  it('takes the new type default minutes only when the minutes were untouched', () => {
    expect(changeType(newDraft('info'), 'note-board').minutes).toBe('15');
    expect(changeType({ ...newDraft('info'), minutes: '7' }, 'note-board').minutes).toBe('7');
  });

  it('keeps shared config keys when the type changes', () => {
    const voting = { ...newDraft('dot-voting'), config: { votesPerPerson: 5, allowStacking: true, sourceStepId: 'abc' } };
    expect(changeType(voting, 'grouping').config).toEqual({ sourceStepId: 'abc' });
  });

  it('names the first problem', () => {
    expect(draftToInput(newDraft('info'))).toEqual({ problem: 'title-missing' });
    expect(draftToInput({ ...newDraft('info'), title: 'Paus', minutes: '1,5' })).toEqual({ problem: 'minutes-invalid' });
    expect(draftToInput({ ...newDraft('info'), title: 'Paus', minutes: '999' })).toEqual({ problem: 'minutes-invalid' });
  });

  it('gives a step input the core accepts', () => {
    const input = draftToInput({ ...newDraft('info'), title: '  Välkommen  ', minutes: '5' });
    expect(input).toMatchObject({ type: 'info', title: 'Välkommen', minutes: 5, groupMode: 'room' });
  });
});
