import type { Step } from '../../../core/workshop/agenda';
import type { RunState } from '../../../core/workshop/run-state';
import { useT } from '../../i18n';
import { Notice } from '../../ui/notice';
import { StepTimer, type TimerPhase } from '../steps/step-timer';
import { KeyHint } from './key-hint';
import type { RunActions } from './use-run-actions';

export interface RunToolbarProps {
  readonly actions: RunActions;
  readonly step: Step | null;
  readonly run: RunState;
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly phase: TimerPhase;
  readonly flashing: boolean;
}

/** The cockpit's controls: move, time, lock, reveal, undo. Each shows its one-key shortcut. */
export function RunToolbar({ actions, step, run, hasNext, hasPrevious, phase, flashing }: RunToolbarProps) {
  const t = useT();
  const running = run.timer.status === 'running';
  return (
    <div className="run-toolbar-wrap stack-sm">
    <div className="run-toolbar" role="toolbar" aria-label={t('run.toolbar')}>
      <div className="run-toolbar-group">
        <button type="button" className="btn btn-secondary" onClick={actions.previous} disabled={!hasPrevious} aria-keyshortcuts="P PageUp">
          {t('run.previous')} <KeyHint label={t('run.keys.previous')} />
        </button>
        <button type="button" className="btn btn-primary" onClick={actions.next} disabled={!hasNext} aria-keyshortcuts="N PageDown">
          {t('run.nextStep')} <KeyHint label={t('run.keys.next')} />
        </button>
      </div>
      {step ? (
        <>
          <div className={flashing ? 'run-toolbar-group run-timer is-flashing' : 'run-toolbar-group run-timer'}>
            <StepTimer timer={run.timer} size="large" />
            <button type="button" className="btn btn-secondary" onClick={actions.toggleTimer} aria-keyshortcuts="Space">
              {running ? t('run.pauseTimer') : t('run.startTimer')} <KeyHint label={t('run.keys.timer')} />
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => actions.extend(1)}>
              {t('run.extendShort', { count: 1 })}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => actions.extend(5)}>
              {t('run.extendShort', { count: 5 })}
            </button>
          </div>
          <div className="run-toolbar-group">
            <button type="button" className="btn btn-secondary" aria-pressed={run.locked} onClick={actions.toggleLock} aria-keyshortcuts="L">
              {t('run.lock')} <KeyHint label={t('run.keys.lock')} />
            </button>
            {actions.canReveal ? (
              <button type="button" className="btn btn-primary" onClick={actions.reveal} aria-keyshortcuts="R" disabled={actions.revealing}>
                {t('run.reveal')} <KeyHint label={t('run.keys.reveal')} />
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
      {phase === 'overtime' ? <p className="run-overtime">{t('run.timer.overtimeHint')}</p> : null}
      {actions.problem ? (
        <Notice tone="error" role="alert">
          <p>{actions.problem}</p>
        </Notice>
      ) : null}
    </div>
  );
}
