import type * as Y from 'yjs';
import { FACILITATOR_ORIGIN } from './origins';
import { findStep } from './agenda';
import { idleTimer, extendTimer, pauseTimer, startTimer } from './timer';
import type { TimerState } from './timer';

/**
 * Where the live workshop is, in the control document's `run` map: the current step, its timer,
 * and what participants may do and see. Only the facilitator writes it (the host enforces that);
 * every participant's screen follows it.
 */
export interface RunState {
  readonly currentStepId: string | null;
  readonly timer: TimerState;
  /** Input closed for the current step: the host refuses participants' notes and votes. */
  readonly locked: boolean;
  /** The room sees who has answered (names or counts), never what. */
  readonly showAnswered: boolean;
}

function runMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('run');
}

function revealMap(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap<boolean>('revealed');
}

export function selectRunState(doc: Y.Doc): RunState {
  const map = runMap(doc);
  const currentStepId = map.get('currentStepId');
  const timer = map.get('timer') as TimerState | undefined;
  return {
    currentStepId: typeof currentStepId === 'string' ? currentStepId : null,
    timer: timer ?? idleTimer(0),
    locked: map.get('locked') === true,
    showAnswered: map.get('showAnswered') === true,
  };
}

/**
 * Moves the room to a step: its timer is set to the planned minutes (not started), input opens.
 * Returns false for an unknown step.
 */
export function goToStep(doc: Y.Doc, stepId: string | null): boolean {
  const step = stepId === null ? null : findStep(doc, stepId);
  if (stepId !== null && !step) return false;
  doc.transact(() => {
    const map = runMap(doc);
    map.set('currentStepId', stepId);
    map.set('timer', idleTimer((step?.minutes ?? 0) * 60_000));
    map.set('locked', false);
    map.set('showAnswered', false);
  }, FACILITATOR_ORIGIN);
  return true;
}

function setTimer(doc: Y.Doc, change: (timer: TimerState) => TimerState): void {
  doc.transact(() => runMap(doc).set('timer', change(selectRunState(doc).timer)), FACILITATOR_ORIGIN);
}

/** `hostNow` is the host clock as this device estimates it (see clockOffset). */
export function startStepTimer(doc: Y.Doc, hostNow: number): void {
  setTimer(doc, (t) => startTimer(t, hostNow));
}

export function pauseStepTimer(doc: Y.Doc, hostNow: number): void {
  setTimer(doc, (t) => pauseTimer(t, hostNow));
}

export function toggleStepTimer(doc: Y.Doc, hostNow: number): void {
  setTimer(doc, (t) => (t.status === 'running' ? pauseTimer(t, hostNow) : startTimer(t, hostNow)));
}

export function extendStepTimer(doc: Y.Doc, extraMs: number, hostNow: number): void {
  setTimer(doc, (t) => extendTimer(t, extraMs, hostNow));
}

export function setLocked(doc: Y.Doc, locked: boolean): void {
  doc.transact(() => runMap(doc).set('locked', locked), FACILITATOR_ORIGIN);
}

export function setShowAnswered(doc: Y.Doc, show: boolean): void {
  doc.transact(() => runMap(doc).set('showAnswered', show), FACILITATOR_ORIGIN);
}

/** Whether a silent-writing step's notes have been revealed to the room. */
export function isRevealed(doc: Y.Doc, stepId: string): boolean {
  return revealMap(doc).get(stepId) === true;
}

/** Written by the host when it moves a step's private notes onto the board. */
export function markRevealed(doc: Y.Doc, stepId: string, origin: unknown): void {
  doc.transact(() => revealMap(doc).set(stepId, true), origin);
}

export function observeRun(doc: Y.Doc, onChange: () => void): () => void {
  const maps = [runMap(doc), revealMap(doc)];
  for (const map of maps) map.observe(onChange);
  return () => maps.forEach((map) => map.unobserve(onChange));
}
