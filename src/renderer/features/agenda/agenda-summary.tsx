import type { Step } from '../../../core/workshop/agenda';
import { totalMinutes } from '../../../core/workshop/agenda';
import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { formatMinutes } from './step-type-text';

export interface AgendaSummaryProps {
  readonly steps: readonly Step[];
  readonly startsAt: number;
  readonly endsAt: number;
}

/** The running total: start, planned end and the minutes of the steps that will run. */
export function AgendaSummary({ steps, startsAt, endsAt }: AgendaSummaryProps) {
  const t = useT();
  const language = useLanguage();
  const skipped = steps.filter((s) => s.skipped).length;
  return (
    <dl className="agenda-summary" data-testid="agenda-summary">
      <div>
        <dt>{t('agenda.start')}</dt>
        <dd>{formatTime(startsAt, language)}</dd>
      </div>
      <div>
        <dt>{t('agenda.end')}</dt>
        <dd data-testid="agenda-end">{formatTime(endsAt, language)}</dd>
      </div>
      <div>
        <dt>{t('agenda.total')}</dt>
        <dd data-testid="agenda-total">{formatMinutes(t, totalMinutes(steps))}</dd>
      </div>
      <div>
        <dt>{t('agenda.stepsLabel')}</dt>
        <dd>
          {t('agenda.stepCount', { count: steps.length })}
          {skipped > 0 ? (
            <span className="muted small"> {t('agenda.skippedCount', { count: skipped })}</span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
