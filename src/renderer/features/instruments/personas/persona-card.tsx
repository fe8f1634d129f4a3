import type { PackOf } from '../../../../core/instruments/content-pack';
import { useLanguage, useT } from '../../../i18n';
import { SourceLine } from '../pack-support/source-line';
import { channelLabel, type PersonaView } from './personas-data';

/** One persona card: situation and needs, never a diagnosis. Field labels come from the pack. */
export function PersonaCardView({ persona, pack, large = false, showSource = false }: { readonly persona: PersonaView; readonly pack: PackOf<'personas'>; readonly large?: boolean; readonly showSource?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const f = pack.content.fields;
  const text = (label: string, value: string) =>
    value.trim() ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <article className={large ? 'card persona-card persona-large' : 'card persona-card'} data-testid="persona-card" aria-label={persona.label}>
      <h4 className="persona-name">{persona.label}</h4>
      {persona.origin === 'group' ? <p className="badge">{t('personas.groupCard')}</p> : persona.origin === 'custom' ? <p className="badge">{t('personas.customCard')}</p> : null}
      {persona.quote ? <blockquote className="persona-quote">{persona.quote}</blockquote> : null}
      <dl className="persona-fields">
        {text(f.situation[lang], persona.situation)}
        {text(f.whatMatters[lang], persona.whatMatters)}
        {persona.needs.length > 0 ? (
          <>
            <dt>{f.needs[lang]}</dt>
            <dd>
              <ul className="persona-needs">
                {persona.needs.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {text(f.abilityAndWill[lang], persona.abilityAndWill)}
        {text(f.resources[lang], persona.resources)}
        {text(f.expectations[lang], persona.expectations)}
        {persona.channels.length > 0 ? text(f.channels[lang], persona.channels.map((c) => channelLabel(pack, c, lang)).join(', ')) : null}
      </dl>
      {showSource && persona.provenance ? <SourceLine pack={pack} item={persona.provenance} /> : null}
    </article>
  );
}
