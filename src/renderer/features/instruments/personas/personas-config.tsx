import { useEffect, useMemo, useRef } from 'react';
import { personasConfigFromPack } from '../../../../core/instruments/personas';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { ConfigFieldsProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { personasConfig } from './personas-data';

/** Planning: which personas and channels from the pack, segments shown, groups' own cards. A new step starts with all of them. */
export default function PersonasConfigFields({ config: raw, onChange }: ConfigFieldsProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = useMemo(() => personasConfig(raw), [raw]);
  const { pack } = useContentPack(token, config.packId, 'personas');
  const empty = config.personaIds.length === 0 && config.channelIds.length === 0 && config.customPersonas.length === 0;
  const filled = useRef(false);
  useEffect(() => {
    if (!pack || filled.current) return;
    filled.current = true;
    if (empty) onChange({ ...raw, ...personasConfigFromPack(pack) });
  }, [pack, empty, raw, onChange]);
  if (!pack) return <Loading />;
  const set = (patch: Record<string, unknown>) => onChange({ ...raw, ...patch });
  const toggle = (list: readonly string[], order: readonly string[], id: string, on: boolean) => order.filter((x) => (x === id ? on : list.includes(x)));
  return (
    <fieldset className="step-config stack-sm">
      <legend className="field-label">{t('personas.config.legend')}</legend>
      <fieldset className="stack-sm">
        <legend className="field-label">{t('personas.config.personas')}</legend>
        {pack.content.personas.map((p) => (
          <label key={p.id} className="checkbox">
            <input type="checkbox" checked={config.personaIds.includes(p.id)} onChange={(e) => set({ personaIds: toggle(config.personaIds, pack.content.personas.map((x) => x.id), p.id, e.target.checked) })} />
            {t('personas.config.personaOption', { name: p.label[lang], segment: pack.content.segments.find((s) => s.id === p.segment)?.name[lang] ?? '' })}
          </label>
        ))}
      </fieldset>
      <fieldset className="stack-sm">
        <legend className="field-label">{t('personas.config.channels')}</legend>
        {pack.content.channels.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={config.channelIds.includes(c.id)} onChange={(e) => set({ channelIds: toggle(config.channelIds, pack.content.channels.map((x) => x.id), c.id, e.target.checked) })} />
            {c.label[lang]}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={config.showSegments} onChange={(e) => set({ showSegments: e.target.checked })} />
        {t('personas.config.showSegments')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={config.groupCards} onChange={(e) => set({ groupCards: e.target.checked })} />
        {t('personas.config.groupCards')}
      </label>
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </fieldset>
  );
}
