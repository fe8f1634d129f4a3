import { useId } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { patientShare } from '../../../core/workshop/groups';
import type { RunState } from '../../../core/workshop/run-state';
import { useT } from '../../i18n';
import type { PresentPerson } from '../../sync/use-presence';
import { PresencePanel } from '../board/presence-panel';
import type { AnsweredSummary } from './answered-summary';

export interface RoomPanelProps {
  readonly people: readonly PresentPerson[];
  readonly step: Step | null;
  readonly run: RunState;
  readonly answered: AnsweredSummary;
  readonly onToggleShowAnswered: () => void;
}

/** The room: who is here per role (parity in numbers) and, during a step, who has answered. */
export function RoomPanel({ people, step, run, answered, onToggleShowAnswered }: RoomPanelProps) {
  const t = useT();
  const headingId = useId();
  const participants = people.filter((p) => p.user.role !== 'facilitator');
  const share = patientShare(participants.map((p) => p.user));
  return (
    <div className="stack">
      <PresencePanel people={people} />
      {share !== null ? (
        <p className="parity-line">{t('run.patientShare', { percent: Math.round(share * 100) })}</p>
      ) : null}
      {step && step.type !== 'info' ? (
        <section className="run-panel stack-sm" aria-labelledby={headingId} data-testid="answered">
          <h2 id={headingId}>{t('run.answeredHeading')}</h2>
          <p className="answered-count">
            {t('run.answeredCount', { count: answered.total, of: participants.length })}
          </p>
          {answered.names.length > 0 ? (
            <ul className="plain-list answered-names">
              {answered.names.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          ) : null}
          {answered.others > 0 && answered.names.length > 0 ? (
            <p className="muted small">{t('run.answeredOthers', { count: answered.others })}</p>
          ) : null}
          <button type="button" className="btn btn-secondary" aria-pressed={run.showAnswered} onClick={onToggleShowAnswered}>
            {t('run.showAnswered')}
          </button>
          <p className="muted small">{t('run.showAnsweredHint')}</p>
        </section>
      ) : null}
    </div>
  );
}
