import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote } from './board';
import { freshLineage, historyWeight, isStaleCopy, touchesRetired, worthFreshLineage, FRESH_LINEAGE_MIN_DELETED } from './fresh-lineage';

const staff = { role: 'staff' as const, anonymous: false, name: 'Anna', pseudonym: 'p-anna' };
const patient = { role: 'patient' as const, anonymous: true };

/** A board as the host holds it: what two participants and the facilitator wrote, merged. */
function workshop(edits: number): { board: Y.Doc; anna: Y.Doc; bo: Y.Doc; facilitator: Y.Doc } {
  const anna = new Y.Doc();
  const bo = new Y.Doc();
  const facilitator = new Y.Doc();
  const board = new Y.Doc();
  for (const doc of [anna, bo, facilitator]) doc.on('update', (u: Uint8Array) => Y.applyUpdate(board, u));
  const a = addNote(anna, 'Väntan på besked är det svåraste', staff, 1000);
  const a2 = addNote(anna, 'Samma fråga tre gånger', staff, 1500);
  const b = addNote(bo, 'Att bli lyssnad på', patient, 2000);
  for (let i = 0; i < edits; i++) {
    // Anna goes back and forth between her notes: each replaced value stays as a deleted item.
    editNote(anna, a.id, `Väntan på besked, version ${i}`, 3000 + i);
    editNote(anna, a2.id, `Samma fråga, version ${i}`, 3000 + i);
    // Bo edits one note over and over: Yjs merges those deleted items into one.
    editNote(bo, b.id, `Att bli lyssnad på, version ${i}`, 3000 + i);
  }
  facilitator.getMap('votes').set('s:p-anna:0', b.id);
  facilitator.getArray('agenda').push([{ id: 'step-1', title: 'Dialogduk' }, { id: 'step-2', title: 'Röstning' }]);
  return { board, anna, bo, facilitator };
}

function contentOf(doc: Y.Doc): unknown {
  return {
    notes: doc.getMap('notes').toJSON(),
    votes: doc.getMap('votes').toJSON(),
    agenda: doc.getArray('agenda').toJSON(),
  };
}

describe('a fresh lineage of a document', () => {
  it('holds the same content, without the history, each value under a new id for its old writer', () => {
    const { board, anna, bo, facilitator } = workshop(50);
    const ids = new Map([
      [anna.clientID, 101],
      [bo.clientID, 202],
      [facilitator.clientID, 303],
    ]);
    const fresh = freshLineage(board, (old) => ids.get(old)!);
    expect(fresh).not.toBeNull();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fresh!.update);
    expect(contentOf(copy)).toEqual(contentOf(board));
    expect(historyWeight(board)).toEqual({ items: 3 + 100 + 1 + 1 + 1, deleted: 100 + 1 });
    expect(historyWeight(copy).deleted).toBe(0);
    expect(fresh!.update.length).toBeLessThan(Y.encodeStateAsUpdate(board).length / 2);
    // Who wrote each value is kept, under the new ids.
    const notes = copy.getMap('notes');
    const writerOf = (key: string): number => notes._map.get(key)!.id.client;
    const [annaNote, , boNote] = [...notes.keys()].sort((x, y) => (notes.get(x) as { createdAt: number }).createdAt - (notes.get(y) as { createdAt: number }).createdAt);
    expect(writerOf(annaNote!)).toBe(101);
    expect(writerOf(boNote!)).toBe(202);
    expect(copy.getMap('votes')._map.get('s:p-anna:0')!.id.client).toBe(303);
    expect(fresh!.retired).toEqual(Y.decodeStateVector(Y.encodeStateVector(board)));
    expect(new Set(fresh!.retired.keys())).toEqual(new Set([anna.clientID, bo.clientID, facilitator.clientID]));
    expect(fresh!.writers.get(101)).toEqual([anna.clientID]);
  });

  it('keeps the order of a list written by several writers', () => {
    const host = new Y.Doc();
    const other = new Y.Doc();
    host.getArray('agenda').push(['a', 'b']);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(host));
    other.getArray('agenda').insert(1, ['between']);
    Y.applyUpdate(host, Y.encodeStateAsUpdate(other));
    host.getArray('agenda').delete(0, 1);
    const fresh = freshLineage(host, (old) => (old === host.clientID ? 1 : 2))!;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fresh.update);
    expect(copy.getArray('agenda').toJSON()).toEqual(['between', 'b']);
  });

  it('gives several old writers of one principal one new id', () => {
    const { board, anna, bo } = workshop(1);
    const fresh = freshLineage(board, () => 7)!;
    expect(fresh.writers.get(7)).toEqual(expect.arrayContaining([anna.clientID, bo.clientID]));
  });

  it('refuses what it cannot copy exactly: text, nested types, a retired id as writer', () => {
    const text = new Y.Doc();
    text.getText('t').insert(0, 'hej');
    expect(freshLineage(text, () => 1)).toBeNull();
    const nested = new Y.Doc();
    nested.getMap('m').set('inner', new Y.Map());
    expect(freshLineage(nested, () => 1)).toBeNull();
    const { board, anna } = workshop(1);
    expect(() => freshLineage(board, () => anna.clientID)).toThrow(/retired/);
  });

  it('tells a device copy of the old lineage from one of the new', () => {
    const { board, anna } = workshop(3);
    const fresh = freshLineage(board, () => 42)!;
    const retired = fresh.retired;
    const newCopy = new Y.Doc();
    Y.applyUpdate(newCopy, fresh.update);
    expect(isStaleCopy(Y.decodeStateVector(Y.encodeStateVector(board)), retired)).toBe(true);
    expect(isStaleCopy(Y.decodeStateVector(Y.encodeStateVector(newCopy)), retired)).toBe(false);
    expect(isStaleCopy(new Map(), retired)).toBe(false);
    // An edit from the old copy writes under a retired id; one from the new copy does not.
    const oldEdit = captureUpdate(anna, (doc) => doc.getMap('notes').set('x', { text: 'gammal' }));
    const newDevice = new Y.Doc();
    Y.applyUpdate(newDevice, fresh.update);
    const newEdit = captureUpdate(newDevice, (doc) => doc.getMap('notes').set('y', { text: 'ny' }));
    expect(touchesRetired(Y.decodeUpdate(oldEdit), retired)).toBe(true);
    expect(touchesRetired(Y.decodeUpdate(newEdit), retired)).toBe(false);
    // Deleting an old item is touching the old lineage too.
    const oldDelete = captureUpdate(anna, (doc) => doc.getMap('notes').delete([...doc.getMap('notes').keys()][0]!));
    expect(touchesRetired(Y.decodeUpdate(oldDelete), retired)).toBe(true);
  });

  it('is worth it only for a document that is mostly history', () => {
    expect(worthFreshLineage({ items: 112_050, deleted: 100_000 })).toBe(true);
    expect(worthFreshLineage({ items: 3_000, deleted: 2_500 })).toBe(false);
    expect(worthFreshLineage({ items: 5 * FRESH_LINEAGE_MIN_DELETED, deleted: FRESH_LINEAGE_MIN_DELETED })).toBe(false);
  });
});

function captureUpdate(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listener = (u: Uint8Array): void => {
    captured = u;
  };
  doc.on('update', listener);
  change(doc);
  doc.off('update', listener);
  return captured!;
}
