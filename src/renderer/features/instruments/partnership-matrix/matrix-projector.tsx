import { useMemo } from 'react';
import { useLanguage } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { ProjectorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { countsFor, useMarkTally } from '../pack-support/use-marks';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { matrixConfig } from './matrix-data';
import { MatrixGrid } from './matrix-grid';
import './matrix.css';

/** The room's screen: the whole room's matrix, large. */
export default function MatrixProjector({ connection, step }: ProjectorInstrumentProps) {
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = useMemo(() => matrixConfig(step.config), [step.config]);
  const { pack } = useContentPack(token, config.packId, 'partnership-matrix');
  const tally = useMarkTally(connection.board, step.id);
  if (!pack) return <Loading />;
  return (
    <div className="stack matrix-projector">
      <MatrixGrid pack={pack} counts={countsFor(tally)} minMarks={config.minMarks} showExamples={false} large />
      <p className="matrix-projector-rule">{pack.content.robustness.text[lang]}</p>
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </div>
  );
}
