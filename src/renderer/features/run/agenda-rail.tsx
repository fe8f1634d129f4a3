import { useEffect, useId, useRef } from 'react';
import { nextStep, type Step } from '../../../core/workshop/agenda';
import { useT } from '../../i18n';
import { formatMinutes, stepTypeLabel } from '../agenda/step-type-text';

export interface AgendaRailProps {
  readonly steps: readonly Step[];
  readonly currentStepId: string | null;
  /** Time left on the current step (ms), for "kvar av agendan". */
  readonly currentRemaining: number;
  readonly onGoTo: (stepId: string) => void;
  readonly onPlan: () => void;
}

/** Where we are, what is next, how much time is left; each step is a button that goes there. */
export function AgendaRail({ steps, currentStepId, currentRemaining, onGoTo, onPlan }: AgendaRailProps) {
  const t = useT();
  const headingId = useId();
  const currentIndex = steps.findIndex((s) => s.id === currentStepId);
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the current step in view as the room moves down a long agenda (without moving focus).
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !item || list.scrollHeight <= list.clientHeight) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [currentStepId]);
  const upcoming = nextStep(steps, currentStepId);
  const laterMinutes = steps
    .slice(currentIndex + 1)
    .filter((s) => !s.skipped)
    .reduce((sum, s) => sum + s.minutes, 0);
  const leftMinutes = laterMinutes + (currentIndex >= 0 ? Math.max(0, Math.ceil(currentRemaining / 60_000)) : 0);

  return (
    <nav className="agenda-rail run-panel stack-sm" aria-labelledby={headingId} data-testid="agenda-rail">
      <h2 id={headingId}>{t('run.agendaHeading')}</h2>
      {steps.length === 0 ? (
        <div className="stack-sm">
          <p className="muted">{t('run.agendaEmpty')}</p>
          <button type="button" className="btn btn-secondary" onClick={onPlan}>
            {t('run.planAgenda')}
          </button>
        </div>
      ) : (
        <>
          <p className="agenda-rail-left">{t('run.agendaLeft', { time: formatMinutes(t, leftMinutes) })}</p>
          <ol className="plain-list agenda-rail-list" ref={listRef}>
            {steps.map((step, index) => {
              const current = step.id === currentStepId;
              const isNext = step.id === upcoming?.id;
              const done = currentIndex >= 0 && index < currentIndex;
              const classes = ['agenda-rail-step', current ? 'is-current' : '', done ? 'is-done' : '', step.skipped ? 'is-skipped' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <li key={step.id}>
                  <button
                    type="button"
                    className={classes}
                    aria-current={current ? 'step' : undefined}
                    onClick={() => onGoTo(step.id)}
                  >
                    <span className="agenda-rail-index" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="agenda-rail-main">
                      <span className="agenda-rail-title">{step.title}</span>
                      <span className="agenda-rail-meta">
                        {current ? <span className="badge badge-now">{t('run.now')}</span> : null}
                        {isNext ? <span className="badge">{t('run.next')}</span> : null}
                        {step.skipped ? <span className="badge">{t('run.skipped')}</span> : null}
                        <span>
                          {stepTypeLabel(t, step.type)} · {formatMinutes(t, step.minutes)}
                        </span>
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </nav>
  );
}
