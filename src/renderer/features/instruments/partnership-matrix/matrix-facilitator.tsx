import { useId, useMemo, useState } from 'react';
import { matrixFromCounts, span } from '../../../../core/instruments/partnership-matrix';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { FacilitatorInstrumentProps } from '../registry';
import { useGroups } from '../../steps/use-workshop';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { countsFor, useMarkTally } from '../pack-support/use-marks';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { ComparePanel } from './compare-panel';
import { matrixConfig } from './matrix-data';
import { MatrixGrid } from './matrix-grid';
import { ParityPrompts } from './matrix-participant';
import './matrix.css';

const ALL = '*';

/** The cockpit: the matrix with counts per cell (all groups or one), its span, the parity prompts, and a comparison with an earlier date. */
export default function MatrixFacilitator({ connection, step }: FacilitatorInstrumentProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const selectId = useId();
  const config = useMemo(() => matrixConfig(step.config), [step.config]);
  const { pack } = useContentPack(token, config.packId, 'partnership-matrix');
  const tally = useMarkTally(connection.board, step.id);
  const groups = useGroups(connection.control);
  const [group, setGroup] = useState<string>(ALL);
  if (!pack) return <Loading />;
  const counts = countsFor(tally, group === ALL ? undefined : group === '-' ? null : group);
  const matrix = matrixFromCounts(counts, config.minMarks);
  const today = span(matrix.today);
  const next = span(matrix.next);
  return (
    <div className="stack matrix-run">
      {step.groupMode === 'groups' && groups.length > 0 ? (
        <div className="field">
          <label htmlFor={selectId} className="field-label">{t('matrix.run.show')}</label>
          <select id={selectId} className="input" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value={ALL}>{t('matrix.run.allGroups')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>{g.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      {counts.size === 0 ? <p className="muted">{t('matrix.run.noMarks')}</p> : null}
      <MatrixGrid pack={pack} counts={counts} minMarks={config.minMarks} showExamples={config.showExamples} />
      <p className="matrix-span" data-testid="matrix-span">
        {t('matrix.run.span', { todayPlaces: today.places, todayPhases: today.phases, nextPlaces: next.places, nextPhases: next.phases })}
      </p>
      <p className="muted">{pack.content.robustness.text[lang]}</p>
      <SourceLine pack={pack} item={pack.content.robustness} />
      {config.showParity ? <ParityPrompts pack={pack} /> : null}
      <ComparePanel token={token} sessionId={connection.sessionId} stepId={step.id} pack={pack} />
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </div>
  );
}
