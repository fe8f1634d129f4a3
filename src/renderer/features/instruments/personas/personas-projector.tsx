import { useMemo } from 'react';
import { useLanguage } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { ProjectorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { countsFor, useMarkTally } from '../pack-support/use-marks';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { ChannelMatrix } from './channel-matrix';
import { BySegment } from './personas-participant';
import { cardView, personasConfig, tablePersonas, usePersonaCards } from './personas-data';
import './personas.css';

/** The room's screen: the cards large, then the persona × channel matrix once anyone has ticked. */
export default function PersonasProjector({ connection, step }: ProjectorInstrumentProps) {
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = useMemo(() => personasConfig(step.config), [step.config]);
  const { pack } = useContentPack(token, config.packId, 'personas');
  const cards = usePersonaCards(connection.board, step.id);
  const tally = useMarkTally(connection.board, step.id);
  if (!pack) return <Loading />;
  const table = tablePersonas(pack, config, lang);
  const all = [...table, ...cards.map(cardView)];
  const counts = countsFor(tally);
  return (
    <div className="stack personas-projector">
      {counts.size > 0 ? <ChannelMatrix pack={pack} personas={all} channelIds={config.channelIds} counts={counts} large /> : null}
      <BySegment pack={pack} personas={all} showSegments={config.showSegments} large showSource />
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </div>
  );
}
