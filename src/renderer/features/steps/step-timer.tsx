import { useEffect, useRef } from 'react';
import { formatRemaining, remainingMs, type TimerState } from '../../../core/workshop/timer';
import { useT } from '../../i18n';
import { useAnnounce } from '../../ui/live-region';
import { useClockOffset, useNow } from './host-clock';
import './steps.css';

/** The minutes left at which the time is said aloud (and zero). Not every second. */
const SPOKEN_MINUTES = [10, 5, 2, 1];

export type TimerPhase = 'idle' | 'running' | 'paused' | 'overtime';

/** Time left on the step's timer, in host time, ticking while it runs. */
export function useRemaining(timer: TimerState): { readonly remaining: number; readonly phase: TimerPhase } {
  const offset = useClockOffset();
  const now = useNow(timer.status === 'running');
  const remaining = remainingMs(timer, now + offset);
  const phase: TimerPhase =
    timer.status === 'running' && remaining <= 0 ? 'overtime' : timer.status;
  return { remaining, phase };
}

/** Says the time at the minute marks and at zero, through the app's polite live region. */
function useSpokenTime(remaining: number, phase: TimerPhase, speak: 'minutes' | 'zero' | 'none'): void {
  const t = useT();
  const announce = useAnnounce();
  const lastMark = useRef<number | null>(null);
  const minutesLeft = Math.ceil(remaining / 60_000);
  useEffect(() => {
    if (speak === 'none' || (phase !== 'running' && phase !== 'overtime')) {
      lastMark.current = null;
      return;
    }
    const previous = lastMark.current;
    lastMark.current = minutesLeft;
    if (previous === null || previous === minutesLeft) return;
    if (minutesLeft <= 0 && previous > 0) announce(t('run.timer.timeUp'));
    else if (speak === 'minutes' && SPOKEN_MINUTES.includes(minutesLeft)) {
      announce(t('run.timer.minutesLeft', { count: minutesLeft }));
    }
  }, [minutesLeft, phase, speak, announce, t]);
}

export interface StepTimerProps {
  readonly timer: TimerState;
  readonly size?: 'small' | 'large' | 'huge';
  readonly speak?: 'minutes' | 'zero' | 'none';
}

/** The countdown: big digits, and in words whether it runs, waits or is over time. */
export function StepTimer({ timer, size = 'large', speak = 'minutes' }: StepTimerProps) {
  const t = useT();
  const { remaining, phase } = useRemaining(timer);
  useSpokenTime(remaining, phase, speak);
  return (
    <div className={`step-timer step-timer-${size} is-${phase}`} data-testid="timer">
      <span className="visually-hidden">{t('run.timer.label')}: </span>
      <span className="step-timer-digits" role="timer" aria-atomic="true">
        {formatRemaining(remaining)}
      </span>
      <span className="step-timer-state">{t(`run.timer.phase.${phase}`)}</span>
    </div>
  );
}
