/**
 * Everything the facilitator can do while running a session, in one place: each action calls the
 * core (control document) or the host (reveal, hide, restore), says what happened through the live
 * region, and feeds the undo stack. Buttons and keyboard shortcuts both call these.
 */
import { useCallback, useMemo, useState } from 'react';
import { nextStep, previousStep, type Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import {
  extendStepTimer,
  goToStep,
  setLocked,
  setShowAnswered,
  toggleStepTimer,
  type RunState,
} from '../../../core/workshop/run-state';
import { errorCodeOf } from '../../api/api-error';
import { hideNote, revealStep } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useAnnounce } from '../../ui/live-region';
import { hostNow, useClockOffset } from '../steps/host-clock';
import { isSilentWriting } from '../steps/step-notes';
import { primeAudio } from './timer-alarm';
import type { FacilitatorUndo } from './use-facilitator-undo';

export interface RunActions {
  readonly goTo: (stepId: string | null) => void;
  readonly next: () => void;
  readonly previous: () => void;
  readonly toggleTimer: () => void;
  readonly extend: (minutes: number) => void;
  readonly toggleLock: () => void;
  readonly toggleShowAnswered: () => void;
  readonly reveal: () => void;
  readonly hide: (note: Note) => void;
  readonly restore: (noteId: string) => void;
  readonly undo: FacilitatorUndo;
  readonly revealing: boolean;
  /** The last failure in words (host unreachable, refused), until the next action. */
  readonly problem: string | null;
  readonly canReveal: boolean;
}

export interface RunContext {
  readonly token: string;
  readonly connection: SessionConnection;
  readonly steps: readonly Step[];
  readonly run: RunState;
  readonly step: Step | null;
  readonly revealed: boolean;
  readonly undo: FacilitatorUndo;
  readonly restore: (noteId: string) => void;
}

export function useRunActions(context: RunContext): RunActions {
  const { token, connection, steps, run, step, revealed, undo, restore } = context;
  const t = useT();
  const announce = useAnnounce();
  const offset = useClockOffset();
  const [problem, setProblem] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const { control, sessionId } = connection;

  const fail = useCallback((failure: unknown) => {
    const message = t(`error.${errorCodeOf(failure)}`);
    setProblem(message);
    announce(message);
  }, [t, announce]);

  const goTo = useCallback((stepId: string | null) => {
    const target = steps.find((s) => s.id === stepId);
    undo.label((tt) => (target ? tt('run.undo.goTo', { title: target.title }) : tt('run.undo.freeBoard')));
    setProblem(null);
    if (goToStep(control, stepId)) announce(target ? t('steps.now', { title: target.title }) : t('run.freeBoard'));
  }, [steps, control, undo, t, announce]);

  const canReveal = step !== null && isSilentWriting(step) && !revealed;

  const reveal = useCallback(() => {
    if (!step || !canReveal || revealing) return;
    setRevealing(true);
    setProblem(null);
    revealStep(token, sessionId, step.id)
      .then((answer) => announce(t('run.revealed', { count: answer.revealed })), fail)
      .finally(() => setRevealing(false));
  }, [step, canReveal, revealing, token, sessionId, announce, t, fail]);

  const hide = useCallback((note: Note) => {
    setProblem(null);
    hideNote(token, sessionId, note.id).then(() => {
      undo.recordHide(note.id, (tt) => tt('run.undo.hide'));
      announce(t('moderation.hidden'));
    }, fail);
  }, [token, sessionId, undo, announce, t, fail]);

  return useMemo(() => ({
    goTo,
    next: () => {
      const target = nextStep(steps, run.currentStepId);
      if (target) goTo(target.id);
    },
    previous: () => {
      const target = previousStep(steps, run.currentStepId);
      if (target) goTo(target.id);
    },
    toggleTimer: () => {
      if (!step) return;
      primeAudio();
      const running = run.timer.status === 'running';
      undo.label((tt) => (running ? tt('run.pauseTimer') : tt('run.startTimer')));
      toggleStepTimer(control, hostNow(offset));
      announce(run.timer.status === 'running' ? t('run.timer.paused') : t('run.timer.started'));
    },
    extend: (minutes: number) => {
      if (!step) return;
      undo.label((tt) => tt('run.extend', { count: minutes }));
      extendStepTimer(control, minutes * 60_000, hostNow(offset));
      announce(t('run.timer.extended', { count: minutes }));
    },
    toggleLock: () => {
      if (!step) return;
      const locked = run.locked;
      undo.label((tt) => (locked ? tt('run.undo.unlock') : tt('run.lock')));
      setLocked(control, !run.locked);
      announce(run.locked ? t('run.unlocked') : t('run.lockedNow'));
    },
    toggleShowAnswered: () => {
      if (!step) return;
      undo.label((tt) => tt('run.showAnswered'));
      setShowAnswered(control, !run.showAnswered);
    },
    reveal,
    hide,
    restore,
    undo,
    revealing,
    problem,
    canReveal,
  }), [goTo, steps, run, step, control, offset, undo, t, announce, reveal, hide, restore, revealing, problem, canReveal]);
}
