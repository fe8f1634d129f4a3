import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep } from '../../core/workshop/agenda';
import { goToStep, selectRunState } from '../../core/workshop/run-state';
import { docSnapshotStore, type Observe } from './use-doc-selector';

/** Watches the `run` map the way the screens' observers do. */
const observeRun: Observe = (doc, onChange) => {
  const run = doc.getMap('run');
  run.observe(onChange);
  return () => run.unobserve(onChange);
};
const currentStep = (doc: Y.Doc): string | null => selectRunState(doc).currentStepId;

/** React's order: read the snapshot while rendering, subscribe after the screen is drawn, read again. */
describe('a document snapshot store', () => {
  it('sees a change made between the render that read the snapshot and the subscription', () => {
    const doc = new Y.Doc();
    const store = docSnapshotStore(doc, observeRun, currentStep);
    expect(store.getSnapshot()).toBeNull();
    // Between render and subscribe: the session arrives (IndexedDB copy, or the host's sync answer).
    const step = addStep(doc, { type: 'note-board', title: 'Vad är viktigt för dig?', minutes: 10 });
    goToStep(doc, step.id);
    let told = 0;
    store.subscribe(() => (told += 1));
    expect(told).toBe(1);
    expect(store.getSnapshot()).toBe(step.id);
  });

  it('keeps the same snapshot when nothing changed before the subscription, and follows later changes', () => {
    const doc = new Y.Doc();
    const step = addStep(doc, { type: 'note-board', title: 'Tyst skrivande', minutes: 5 });
    const store = docSnapshotStore(doc, observeRun, (d) => ({ current: currentStep(d) }));
    const first = store.getSnapshot();
    let told = 0;
    const stop = store.subscribe(() => (told += 1));
    expect(told).toBe(0);
    expect(store.getSnapshot()).toBe(first);
    goToStep(doc, step.id);
    expect(told).toBe(1);
    expect(store.getSnapshot()).toEqual({ current: step.id });
    stop();
  });
});
