import { useId } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { setMark } from '../../../../core/instruments/marks';
import { personaCell } from '../../../../core/instruments/personas';
import { useLanguage, useT } from '../../../i18n';
import type { SessionConnection } from '../../../sync/provider';
import { channelLabel } from './personas-data';

export interface ChannelMarksProps {
  readonly connection: SessionConnection;
  readonly pack: PackOf<'personas'>;
  readonly stepId: string;
  readonly groupId: string | null;
  /** Marks are keyed by the participant's pseudonym, never their id. */
  readonly pseudonym: string;
  readonly personaId: string;
  readonly personaLabel: string;
  readonly channelIds: readonly string[];
  readonly mine: ReadonlySet<string>;
  readonly disabled: boolean;
}

/** "Which contact channels suit <persona>?": one tick per channel, my own marks only. */
export function ChannelMarks({ connection, pack, stepId, groupId, pseudonym, personaId, personaLabel, channelIds, mine, disabled }: ChannelMarksProps) {
  const t = useT();
  const lang = useLanguage();
  const id = useId();
  const marked = channelIds.filter((c) => mine.has(personaCell(personaId, c))).length;
  if (channelIds.length === 0) return null;
  return (
    <details className="channel-marks">
      <summary>{t('personas.marks.summary', { name: personaLabel, count: marked })}</summary>
      <fieldset className="stack-sm" disabled={disabled} aria-describedby={`${id}-hint`}>
        <legend className="visually-hidden">{t('personas.marks.legend', { name: personaLabel })}</legend>
        <p id={`${id}-hint`} className="muted small">{t('personas.marks.hint')}</p>
        <div className="channel-options">
          {channelIds.map((channel) => {
            const cell = personaCell(personaId, channel);
            return (
              <label key={channel} className="checkbox channel-option">
                <input type="checkbox" checked={mine.has(cell)} onChange={(e) => setMark(connection.board, { stepId, groupId, pseudonym, cell }, e.target.checked)} />
                <span>{channelLabel(pack, channel, lang)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </details>
  );
}
