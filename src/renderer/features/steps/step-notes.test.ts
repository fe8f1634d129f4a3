import { describe, expect, it } from 'vitest';
import type { Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import type { RunState } from '../../../core/workshop/run-state';
import { idleTimer } from '../../../core/workshop/timer';
import { notesOfStep, sourceNotes, votingConfig, votingResultsVisible } from './step-notes';
import { rememberSend, sendsBefore } from './recent-sends';

const step = (over: Partial<Step>): Step => ({
  id: 's1',
  type: 'note-board',
  title: 'Fråga',
  instructions: '',
  minutes: 5,
  materials: '',
  groupMode: 'room',
  skipped: false,
  config: {},
  ...over,
});
const note = (id: string, stepId?: string, groupId?: string): Note => ({
  id,
  text: id,
  createdAt: 1,
  authorRole: 'patient',
  anonymous: true,
  ...(stepId ? { stepId } : {}),
  ...(groupId ? { groupId } : {}),
});

describe('which notes a step shows', () => {
  const notes = [note('a', 's1', 'g1'), note('b', 's1', 'g2'), note('c', 's0'), note('d')];

  it('shows a step its own notes, and a group member only their group', () => {
    expect(notesOfStep(notes, step({})).map((n) => n.id)).toEqual(['a', 'b']);
    expect(notesOfStep(notes, step({}), 'g2').map((n) => n.id)).toEqual(['b']);
  });

  it('gives voting the source step, or every other note', () => {
    const voting = step({ id: 'v', type: 'dot-voting', config: { votesPerPerson: 2, allowStacking: false, sourceStepId: 's1' } });
    expect(sourceNotes(notes, voting).map((n) => n.id)).toEqual(['a', 'b']);
    const all = step({ id: 'v', type: 'dot-voting', config: { votesPerPerson: 2, allowStacking: false, sourceStepId: null } });
    expect(sourceNotes(notes, all).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('falls back to the default voting config when the stored one is damaged', () => {
    expect(votingConfig(step({ type: 'dot-voting', config: { votesPerPerson: 'x' } })).votesPerPerson).toBe(3);
  });
});

describe('voting results for the room', () => {
  const run = (over: Partial<RunState>): RunState => ({
    currentStepId: 'v',
    timer: idleTimer(60_000),
    locked: false,
    showAnswered: false,
    ...over,
  });

  it('stay hidden while people vote, show once locked or the time is out', () => {
    expect(votingResultsVisible(run({}), 60_000)).toBe(false);
    expect(votingResultsVisible(run({ locked: true }), 60_000)).toBe(true);
    expect(votingResultsVisible(run({ timer: { status: 'running', durationMs: 60_000, endsAt: 0 } }), -1)).toBe(true);
  });
});

describe('recent sends (what a refused write may have lost)', () => {
  it('keeps the texts sent shortly before the host closed, at least the last one', () => {
    rememberSend('gammal', 0);
    rememberSend('ny', 100_000);
    expect(sendsBefore(100_500)).toEqual(['ny']);
    expect(sendsBefore(500_000)).toEqual(['ny']);
  });
});
