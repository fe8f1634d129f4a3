import { useId } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import type { RunState } from '../../../core/workshop/run-state';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { stepTypeLabel } from '../agenda/step-type-text';
import { StepLiveContent } from './step-live-content';

export interface CurrentStepPanelProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly run: RunState;
  readonly revealed: boolean;
  readonly position: number;
  readonly count: number;
  readonly onHide: (note: Note) => void;
}

/** The middle of the cockpit: the step's question as the room sees it, and what comes in. */
export function CurrentStepPanel({ connection, step, run, revealed, position, count, onHide }: CurrentStepPanelProps) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="current-step stack" aria-labelledby={headingId}>
      <header className="stack-sm">
        <p className="eyebrow">
          {t('run.stepOf', { position, count })} · {stepTypeLabel(t, step.type)}
          {step.groupMode === 'groups' ? ` · ${t('run.inGroups')}` : ''}
        </p>
        <h2 id={headingId} className="current-step-title" data-testid="current-step-title">
          {step.title}
        </h2>
        {step.instructions ? <p className="step-instructions">{step.instructions}</p> : null}
        <div className="row">
          {run.locked ? <span className="badge badge-locked">{t('run.lockedBadge')}</span> : null}
          {revealed ? <span className="badge">{t('run.revealedBadge')}</span> : null}
        </div>
        {step.materials ? (
          <details>
            <summary>{t('run.materials')}</summary>
            <p className="step-instructions">{step.materials}</p>
          </details>
        ) : null}
      </header>
      <StepLiveContent connection={connection} step={step} revealed={revealed} onHide={onHide} />
    </section>
  );
}
