import { useMemo } from 'react';
import { nextStep, previousStep } from '../../../core/workshop/agenda';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import type { PresentPerson } from '../../sync/use-presence';
import { useRemaining } from '../steps/step-timer';
import { useAgenda, useAnswered, useCurrentStep, useRevealed, useRunState } from '../steps/use-workshop';
import { AgendaRail } from './agenda-rail';
import { summarizeAnswered } from './answered-summary';
import { CurrentStepPanel } from './current-step-panel';
import { FreeBoard } from './free-board';
import { HiddenNotes } from './hidden-notes';
import { RoomPanel } from './room-panel';
import { RunToolbar } from './run-toolbar';
import { useTimerAlarm } from './timer-alarm';
import { useRunActions } from './use-run-actions';
import { useRunShortcuts } from './use-run-shortcuts';
import type { UndoHistory } from './use-undo-history';
import './run.css';

export interface RunCockpitProps {
  readonly token: string;
  readonly connection: SessionConnection;
  readonly people: readonly PresentPerson[];
  readonly online: boolean;
  /** Shortcuts listen only while the run tab is shown. */
  readonly active: boolean;
  readonly onPlan: () => void;
  readonly history: UndoHistory;
}

/** "Genomför": agenda left, the current step in the middle, the room right; controls on top. */
export function RunCockpit({ token, connection, people, online, active, onPlan, history }: RunCockpitProps) {
  const t = useT();
  const { control } = connection;
  const steps = useAgenda(control);
  const run = useRunState(control);
  const step = useCurrentStep(control);
  const stepId = step?.id ?? null;
  const revealed = useRevealed(control, stepId);
  const actions = useRunActions({ token, connection, steps, run, step, revealed, ...history });
  useRunShortcuts(actions, active);
  const { remaining, phase } = useRemaining(run.timer);
  const flashing = useTimerAlarm(step ? phase : 'idle', stepId);
  // The host records votes and marks as answers too (by participant id, in control); the board's
  // vote keys name pseudonyms, which cannot be matched to people.
  const answeredIds = useAnswered(control, stepId);
  const answered = useMemo(() => summarizeAnswered(answeredIds, people.map((p) => p.user)), [answeredIds, people]);
  const position = steps.findIndex((s) => s.id === stepId) + 1;

  return (
    <div className={flashing ? 'cockpit-run is-time-up' : 'cockpit-run'}>
      <RunToolbar
        actions={actions}
        step={step}
        run={run}
        hasNext={nextStep(steps, run.currentStepId) !== undefined}
        hasPrevious={previousStep(steps, run.currentStepId) !== undefined}
        phase={step ? phase : 'idle'}
        flashing={flashing}
      />
      <div className="cockpit-grid">
        <AgendaRail
          steps={steps}
          currentStepId={stepId}
          currentRemaining={remaining}
          onGoTo={actions.goTo}
          onPlan={onPlan}
        />
        <div className="cockpit-center stack">
          {step ? (
            <>
              <CurrentStepPanel
                connection={connection}
                step={step}
                run={run}
                revealed={revealed}
                position={position}
                count={steps.length}
                onHide={actions.hide}
              />
              <button type="button" className="btn btn-quiet align-start" onClick={() => actions.goTo(null)}>
                {t('run.toFreeBoard')}
              </button>
            </>
          ) : (
            <FreeBoard connection={connection} online={online} onHide={actions.hide} />
          )}
          {connection.vault ? <HiddenNotes vault={connection.vault} onRestore={actions.restore} /> : null}
        </div>
        <aside className="cockpit-room" aria-label={t('sessions.roomHeading')}>
          <RoomPanel
            people={people}
            step={step}
            run={run}
            answered={answered}
            onToggleShowAnswered={actions.toggleShowAnswered}
          />
        </aside>
      </div>
    </div>
  );
}
