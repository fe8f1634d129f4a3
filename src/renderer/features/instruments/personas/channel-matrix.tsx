import type { CSSProperties } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { personaCell } from '../../../../core/instruments/personas';
import { useLanguage, useT } from '../../../i18n';
import { channelLabel, type PersonaView } from './personas-data';

/**
 * The persona × contact-channel matrix: how many people ticked each channel for each persona.
 * A number in every cell (and a bar of dots for the eye), so nothing is said by colour alone.
 */
export function ChannelMatrix({ pack, personas, channelIds, counts, large = false }: {
  readonly pack: PackOf<'personas'>;
  readonly personas: readonly PersonaView[];
  readonly channelIds: readonly string[];
  readonly counts: ReadonlyMap<string, number>;
  readonly large?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  if (channelIds.length === 0 || personas.length === 0) return null;
  const max = Math.max(1, ...counts.values());
  return (
    <div className="channel-matrix-wrap">
      <table className={large ? 'channel-matrix channel-matrix-large' : 'channel-matrix'} data-testid="persona-channel-matrix">
        <caption>{t('personas.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('personas.matrix.persona')}</th>
            {channelIds.map((c) => (
              <th key={c} scope="col">{channelLabel(pack, c, lang)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {personas.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              {channelIds.map((c) => {
                const n = counts.get(personaCell(p.id, c)) ?? 0;
                return (
                  <td key={c} className={n > 0 ? 'channel-cell has-marks' : 'channel-cell'} style={{ '--level': String(n / max) } as CSSProperties}>
                    <span className="channel-count">{n}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
