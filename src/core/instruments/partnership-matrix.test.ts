import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stepType } from '../workshop/step-types';
import { markKey, myMarks, parseMarkKey, setMark, tallyMarks } from './marks';
import { DEFAULT_PARTNERSHIP_MATRIX_CONFIG, cellId, compareMatrices, markCell, matrixFromCounts, matrixQuestionIds, parseMarkCell, span } from './partnership-matrix';
import type { CellId, PartnershipMatrix } from './partnership-matrix';

const m = (today: CellId[], next: CellId[] = []): PartnershipMatrix => ({ today: new Set(today), next: new Set(next) });

describe('marks', () => {
  it('round-trip their key, with or without a group', () => {
    const key = { stepId: 's1', groupId: 'g1', pseudonym: 'p1', cell: 'today:clinic:plan' };
    expect(parseMarkKey(markKey(key))).toEqual(key);
    expect(parseMarkKey(markKey({ ...key, groupId: null }))).toEqual({ ...key, groupId: null });
    expect(parseMarkKey('a|b|c')).toBeNull();
    expect(parseMarkKey('a||c|d')).toBeNull();
  });

  it('count per group how many people marked each cell; a taken-back mark does not count', () => {
    const board = new Y.Doc();
    const cell = markCell('today', 'clinic', 'plan');
    setMark(board, { stepId: 's', groupId: 'g1', pseudonym: 'anna', cell }, true);
    setMark(board, { stepId: 's', groupId: 'g1', pseudonym: 'bo', cell }, true);
    setMark(board, { stepId: 's', groupId: 'g2', pseudonym: 'cy', cell }, true);
    setMark(board, { stepId: 's', groupId: 'g1', pseudonym: 'bo', cell }, false);
    setMark(board, { stepId: 'other', groupId: 'g1', pseudonym: 'anna', cell }, true);
    const tally = tallyMarks(board, 's');
    expect(tally.get('g1')?.get(cell)).toBe(1);
    expect(tally.get('g2')?.get(cell)).toBe(1);
    expect([...myMarks(board, 's', 'anna')]).toEqual([cell]);
  });
});

describe('the partnership matrix', () => {
  it('knows its cells and refuses anything else as a mark', () => {
    expect(parseMarkCell('next:region:evaluate')).toEqual({ layer: 'next', place: 'region', phase: 'evaluate' });
    for (const bad of ['later:clinic:plan', 'today:ward:plan', 'today:clinic', 'today:clinic:plan:x', '']) expect(parseMarkCell(bad)).toBeNull();
    const type = stepType('partnership-matrix')!;
    expect(type.isMarkCell?.('today:organisation:initiate', DEFAULT_PARTNERSHIP_MATRIX_CONFIG)).toBe(true);
    expect(type.isMarkCell?.('today:organisation:design', DEFAULT_PARTNERSHIP_MATRIX_CONFIG)).toBe(false);
    expect(matrixQuestionIds()).toHaveLength(16 + 7);
    expect(matrixQuestionIds()).toContain('parity:vulnerability');
  });

  it('makes a group’s matrix from the cells enough members marked', () => {
    const counts = new Map([[markCell('today', 'clinic', 'plan'), 3], [markCell('next', 'region', 'initiate'), 1], ['junk', 5]]);
    expect(matrixFromCounts(counts, 1)).toEqual(m(['clinic:plan'], ['region:initiate']));
    expect(matrixFromCounts(counts, 2)).toEqual(m(['clinic:plan']));
    expect(matrixFromCounts(undefined)).toEqual(m([]));
  });

  it('lists the cells that moved between two dates, in grid order', () => {
    const spring = m(['direct-care:evaluate', 'clinic:evaluate'], ['clinic:initiate']);
    const autumn = m(['direct-care:evaluate', 'clinic:initiate'], ['organisation:initiate']);
    expect(compareMatrices(spring, autumn)).toEqual([
      { cell: 'clinic:initiate', layer: 'today', change: 'added' },
      { cell: 'clinic:evaluate', layer: 'today', change: 'removed' },
      { cell: 'clinic:initiate', layer: 'next', change: 'removed' },
      { cell: 'organisation:initiate', layer: 'next', change: 'added' },
    ]);
    expect(compareMatrices(spring, spring)).toEqual([]);
  });

  it('counts how many places and phases a layer spans (the robustness rule), not a score', () => {
    expect(span(new Set<CellId>(['clinic:plan', 'clinic:evaluate', 'region:plan']))).toEqual({ places: 2, phases: 2 });
    expect(span(new Set())).toEqual({ places: 0, phases: 0 });
    expect(cellId('region', 'implement')).toBe('region:implement');
  });
});
