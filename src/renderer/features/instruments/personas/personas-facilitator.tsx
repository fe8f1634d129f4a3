import { useMemo } from 'react';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { FacilitatorInstrumentProps } from '../registry';
import { useGroups } from '../../steps/use-workshop';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { countsFor, useMarkTally } from '../pack-support/use-marks';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { ChannelMatrix } from './channel-matrix';
import { PersonaCardView } from './persona-card';
import { BySegment } from './personas-participant';
import { cardView, personasConfig, tablePersonas, usePersonaCards } from './personas-data';
import './personas.css';

/** The cockpit: the persona × channel matrix with counts, the groups' own cards side by side, then every card by segment. */
export default function PersonasFacilitator({ connection, step }: FacilitatorInstrumentProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = useMemo(() => personasConfig(step.config), [step.config]);
  const { pack } = useContentPack(token, config.packId, 'personas');
  const cards = usePersonaCards(connection.board, step.id);
  const groups = useGroups(connection.control);
  const tally = useMarkTally(connection.board, step.id);
  if (!pack) return <Loading />;
  const table = tablePersonas(pack, config, lang);
  const all = [...table, ...cards.map(cardView)];
  const byGroup = [...new Set(cards.map((c) => c.groupId ?? null))];
  const groupName = (id: string | null) => (id === null ? t('personas.run.room') : (groups.find((g) => g.id === id)?.name ?? t('personas.run.formerGroup')));
  return (
    <div className="stack personas-run">
      <section className="stack-sm" aria-labelledby={`${step.id}-matrix`}>
        <h3 id={`${step.id}-matrix`} className="personas-heading">{t('personas.matrix.heading')}</h3>
        {config.channelIds.length === 0 ? <p className="muted">{t('personas.matrix.noChannels')}</p> : <ChannelMatrix pack={pack} personas={all} channelIds={config.channelIds} counts={countsFor(tally)} />}
      </section>
      {config.groupCards ? (
        <section className="stack-sm" aria-labelledby={`${step.id}-groups`}>
          <h3 id={`${step.id}-groups`} className="personas-heading">{t('personas.run.groupCards', { count: cards.length })}</h3>
          {cards.length === 0 ? <p className="muted">{t('personas.noGroupCards')}</p> : null}
          <div className="persona-columns">
            {byGroup.map((g) => (
              <section key={g ?? 'room'} className="stack-sm" aria-label={groupName(g)}>
                <h4>{groupName(g)}</h4>
                <ul className="plain-list stack-sm">
                  {cards.filter((c) => (c.groupId ?? null) === g).map((c) => (
                    <li key={c.id}>
                      <PersonaCardView persona={cardView(c)} pack={pack} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ) : null}
      <section className="stack-sm" aria-labelledby={`${step.id}-cards`}>
        <h3 id={`${step.id}-cards`} className="personas-heading">{t('personas.run.tableCards', { count: table.length })}</h3>
        <BySegment pack={pack} personas={table} showSegments={config.showSegments} showSource />
      </section>
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </div>
  );
}
