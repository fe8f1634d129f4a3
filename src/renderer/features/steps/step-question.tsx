import type { Step } from '../../../core/workshop/agenda';
import type { TimerState } from '../../../core/workshop/timer';
import { useT } from '../../i18n';
import { StepTimer } from './step-timer';

export interface StepQuestionProps {
  readonly step: Step;
  readonly timer: TimerState;
  readonly sessionTitle: string;
  readonly groupName: string | null;
}

/** The top of the phone in a step: the question in large type, the instructions, a small timer. */
export function StepQuestion({ step, timer, sessionTitle, groupName }: StepQuestionProps) {
  const t = useT();
  // On the phone the time shows only once it runs: one thing at a time.
  const timed = timer.status !== 'idle';
  return (
    <header className="step-question stack-sm">
      <div className="row-between step-question-top">
        <p className="eyebrow">{sessionTitle}</p>
        {timed ? <StepTimer timer={timer} size="small" speak="zero" /> : null}
      </div>
      <h1 data-testid="current-step-title">{step.title}</h1>
      {groupName ? <p className="badge step-group">{t('steps.yourGroup', { name: groupName })}</p> : null}
      {step.instructions ? <p className="step-instructions">{step.instructions}</p> : null}
    </header>
  );
}
