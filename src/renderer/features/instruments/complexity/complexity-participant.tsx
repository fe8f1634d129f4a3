import { useT } from '../../../i18n';
import type { ParticipantStepProps } from '../../steps/step-context';
import { DomainSection } from './domain-section';
import { useAnnounceSorting, useComplexity } from './use-complexity';
import './complexity.css';

/** The phone, read-only: the four domains with their suggested handling, filling up as the facilitator sorts. */
export function ComplexityParticipant({ connection, record, step }: ParticipantStepProps) {
  const t = useT();
  const view = useComplexity(record.token, connection, step);
  useAnnounceSorting(view);
  return (
    <div className="complexity-phone stack" data-testid="complexity">
      <p>{t('complexity.watch')}</p>
      {view.untagged.length > 0 ? (
        <p className="muted" data-testid="complexity-untagged">
          {t('complexity.untaggedCount', { count: view.untagged.length })}
        </p>
      ) : null}
      {view.domains.map((domain) => (
        <DomainSection key={domain.id} domain={domain} foldHandling />
      ))}
    </div>
  );
}
