import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotDumpable, dumpDocument, replaceIds, restoreDocument } from './session-dump';

describe('a document as JSON and back', () => {
  it('dumps maps and arrays of JSON values completely, also a document loaded from an update', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('n1', { id: 'n1', text: 'Åäö "citat"', nested: { list: [1, null, true] } });
    doc.getMap('votes').set('step|voter|0', null);
    doc.getArray('agenda').push([{ id: 's1' }, { id: 's2' }]);
    doc.getMap('empty');
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
    const dump = dumpDocument(loaded);
    expect(dump).toEqual({
      maps: { notes: { n1: { id: 'n1', text: 'Åäö "citat"', nested: { list: [1, null, true] } } }, votes: { 'step|voter|0': null } },
      arrays: { agenda: [{ id: 's1' }, { id: 's2' }] },
    });
    expect(dumpDocument(restoreDocument(JSON.parse(JSON.stringify(dump)) as typeof dump))).toEqual(dump);
  });

  it('refuses what a JSON dump would lose', () => {
    const text = new Y.Doc();
    text.getText('t').insert(0, 'x');
    expect(() => dumpDocument(text)).toThrow(NotDumpable);
    const nested = new Y.Doc();
    nested.getMap('m').set('inner', new Y.Map());
    expect(() => dumpDocument(nested)).toThrow(NotDumpable);
    const binary = new Y.Doc();
    binary.getMap('m').set('b', new Uint8Array([1]));
    expect(() => dumpDocument(binary)).toThrow(NotDumpable);
  });

  it('replaces participant ids as values, keys and key parts, and nothing else', () => {
    const stand = new Map([['abcdefghijklmnop', 'p1']]);
    const out = replaceIds(
      { maps: { groups: { g1: { memberIds: ['abcdefghijklmnop', 'other'] } }, votes: { 's|abcdefghijklmnop|0': 'n1' }, answered: { abcdefghijklmnop: true } }, arrays: { agenda: ['abcdefghijklmnop x'] } },
      stand,
    );
    expect(out).toEqual({ maps: { groups: { g1: { memberIds: ['p1', 'other'] } }, votes: { 's|p1|0': 'n1' }, answered: { p1: true } }, arrays: { agenda: ['abcdefghijklmnop x'] } });
  });
});
