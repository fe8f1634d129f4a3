import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, decodeMessage, encodeAwarenessUpdate, encodeSyncStep1, encodeUpdate } from './protocol';

describe('y-websocket wire format', () => {
  it('round-trips sync step 1 and updates', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'v');
    const step1 = decodeMessage(encodeSyncStep1(doc));
    expect(step1.kind).toBe('sync-step1');
    const update = Y.encodeStateAsUpdate(doc);
    const decoded = decodeMessage(encodeUpdate(update));
    expect(decoded).toEqual({ kind: 'update', update });
  });

  it('throws on unknown or truncated messages', () => {
    expect(() => decodeMessage(new Uint8Array([7]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([0, 9, 0]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([0, 2, 10, 1]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([]))).toThrow();
  });

  it('round-trips awareness entries', () => {
    const entries = [
      { clientId: 12, clock: 3, state: { user: { name: 'Anna' } } },
      { clientId: 99, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
  });
});
