import type { Step } from '../../../core/workshop/agenda';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useFacilitatorToken } from '../instruments/pack-support/use-facilitator-token';
import { PrintHandoutButton, hasHandout } from './print-handout-button';
import { ReflectionPaperForm } from './reflection-paper-form';
import { SevenPaperForm } from './seven-paper-form';
import './handouts.css';

export interface HandoutToolsProps {
  readonly connection: SessionConnection;
  readonly step: Step;
}

/**
 * Paper for people without a device, in the run cockpit under an instrument step: print the
 * step's handout, and type the filled-in forms back in (seven questions and reflection).
 */
export function HandoutTools({ connection, step }: HandoutToolsProps) {
  const t = useT();
  const token = useFacilitatorToken();
  if (!hasHandout(step.type)) return null;
  return (
    <details className="run-panel handout-tools">
      <summary>{t('handouts.heading')}</summary>
      <div className="stack-sm">
        <PrintHandoutButton token={token} sessionId={connection.sessionId} step={step} />
        {step.type === 'seven-questions' ? (
          <>
            <h3 className="paper-heading">{t('handouts.paper.sevenHeading')}</h3>
            <p className="muted small">{t('handouts.paper.sevenHint')}</p>
            <SevenPaperForm connection={connection} step={step} token={token} />
          </>
        ) : null}
        {step.type === 'reflection' ? (
          <>
            <h3 className="paper-heading">{t('handouts.paper.reflectionHeading')}</h3>
            <p className="muted small">{t('handouts.paper.reflectionHint')}</p>
            <ReflectionPaperForm connection={connection} step={step} token={token} />
          </>
        ) : null}
      </div>
    </details>
  );
}
