import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ProjectorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { DomainSection } from './domain-section';
import { useComplexity } from './use-complexity';
import { useT } from '../../../i18n';
import './complexity.css';

/** The room's view: the four domains side by side with their handling and the notes sorted so far. */
export default function ComplexityProjector({ connection, step }: ProjectorInstrumentProps) {
  const t = useT();
  const token = useFacilitatorToken();
  const view = useComplexity(token, connection, step);
  return (
    <div className="stack" data-testid="complexity-projector">
      <div className="domain-grid">
        {view.domains.map((domain) => (
          <DomainSection key={domain.id} domain={domain} />
        ))}
      </div>
      {view.untagged.length > 0 ? <p className="projector-fact">{t('complexity.untaggedCount', { count: view.untagged.length })}</p> : null}
      <SourceLine text={view.source} />
    </div>
  );
}
