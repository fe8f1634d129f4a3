import { useMemo, useState, type ReactNode } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import type { PersonaCard } from '../../../../core/instruments/personas';
import { useLanguage, useT } from '../../../i18n';
import { readJson, writeJson } from '../../../storage/local-store';
import { Button } from '../../../ui/button';
import { Loading } from '../../../ui/spinner';
import { Notice } from '../../../ui/notice';
import type { ParticipantStepProps } from '../../steps/step-context';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { useMyMarks } from '../pack-support/use-marks';
import { ChannelMarks } from './channel-marks';
import { PersonaCardForm } from './persona-card-form';
import { PersonaCardView } from './persona-card';
import { cardView, personasConfig, tablePersonas, usePersonaCards, type PersonaView } from './personas-data';
import './personas.css';

const myCardsKey = (sessionId: string) => `samskapa:my-persona-cards:${sessionId}`;

/** Personas on the phone: read the cards by segment, tick the channels that suit each, write the group's own card. */
export function PersonasParticipant(props: ParticipantStepProps) {
  const { connection, record, step, run, groupId } = props;
  const t = useT();
  const lang = useLanguage();
  const config = useMemo(() => personasConfig(step.config), [step.config]);
  const { pack, failed } = useContentPack(record.token, config.packId, 'personas');
  const groupCards = usePersonaCards(connection.board, step.id, groupId);
  const mine = useMyMarks(connection.board, step.id, record.pseudonym);
  const [myCards, setMyCards] = useState<readonly string[]>(() => {
    const stored = readJson(myCardsKey(record.sessionId));
    return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
  });
  const [editing, setEditing] = useState<PersonaCard | null>(null);
  const [writing, setWriting] = useState(false);
  if (failed) return <Notice tone="error" role="alert"><p>{t('personas.packFailed')}</p></Notice>;
  if (!pack) return <Loading />;
  const table = tablePersonas(pack, config, lang);
  const ownCards = groupCards.map(cardView);
  const marks = (persona: PersonaView) => (
    <ChannelMarks
      connection={connection}
      pack={pack}
      stepId={step.id}
      groupId={groupId}
      pseudonym={record.pseudonym}
      personaId={persona.id}
      personaLabel={persona.label}
      channelIds={config.channelIds}
      mine={mine}
      disabled={run.locked}
    />
  );
  const remember = (card: PersonaCard) => {
    setEditing(null);
    setWriting(false);
    if (myCards.includes(card.id)) return;
    const next = [...myCards, card.id];
    setMyCards(next);
    writeJson(myCardsKey(record.sessionId), next);
  };
  const isMine = (card: PersonaCard) => myCards.includes(card.id) || (card.authorId !== undefined && card.authorId === record.pseudonym);

  return (
    <div className="stack personas-phone">
      <p className="muted">{config.channelIds.length > 0 ? t('personas.phoneIntro') : t('personas.phoneIntroRead')}</p>
      <BySegment pack={pack} personas={table} showSegments={config.showSegments} extra={marks} />
      {config.groupCards ? (
        <section className="stack-sm" aria-labelledby={`${step.id}-own`}>
          <h3 id={`${step.id}-own`} className="personas-heading">{groupId ? t('personas.groupHeading') : t('personas.roomHeading')}</h3>
          {ownCards.length === 0 ? <p className="muted">{t('personas.noGroupCards')}</p> : null}
          <ul className="plain-list stack-sm">
            {groupCards.map((card) => (
              <li key={card.id} className="stack-sm">
                {editing?.id === card.id ? (
                  <PersonaCardForm connection={connection} record={record} pack={pack} stepId={step.id} groupId={groupId} channelIds={config.channelIds} editing={card} onDone={remember} onCancel={() => setEditing(null)} />
                ) : (
                  <>
                    <PersonaCardView persona={cardView(card)} pack={pack} />
                    {isMine(card) && !run.locked ? (
                      <Button variant="secondary" onClick={() => setEditing(card)}>
                        {t('personas.form.edit', { name: card.label })}
                      </Button>
                    ) : null}
                    {marks(cardView(card))}
                  </>
                )}
              </li>
            ))}
          </ul>
          {run.locked ? null : (
            <details className="persona-new" open={writing} onToggle={(e) => setWriting(e.currentTarget.open)}>
              <summary className="btn btn-secondary">{t('personas.form.open')}</summary>
              {writing ? <PersonaCardForm connection={connection} record={record} pack={pack} stepId={step.id} groupId={groupId} channelIds={config.channelIds} editing={null} onDone={remember} /> : null}
            </details>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** Cards grouped by segment with the pack's caveat (or one list when segments are off). */
export function BySegment({ pack, personas, showSegments, extra, large = false, showSource = false }: {
  readonly pack: PackOf<'personas'>;
  readonly personas: readonly PersonaView[];
  readonly showSegments: boolean;
  readonly extra?: (persona: PersonaView) => ReactNode;
  readonly large?: boolean;
  readonly showSource?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  const list = (items: readonly PersonaView[]) => (
    <ul className={large ? 'plain-list persona-grid persona-grid-large' : 'plain-list persona-grid'}>
      {items.map((p) => (
        <li key={p.id} className="stack-sm">
          <PersonaCardView persona={p} pack={pack} large={large} showSource={showSource} />
          {extra?.(p)}
        </li>
      ))}
    </ul>
  );
  if (!showSegments) return list(personas);
  const segments = pack.content.segments.map((s) => ({ id: s.id, name: s.name[lang], items: personas.filter((p) => p.segmentId === s.id) }));
  const loose = personas.filter((p) => !pack.content.segments.some((s) => s.id === p.segmentId));
  return (
    <div className="stack">
      <Notice tone="info" title={t('personas.caveatTitle')}>
        <p>{pack.content.caveat.text[lang]}</p>
        <SourceLine pack={pack} item={pack.content.caveat} />
      </Notice>
      {segments.filter((s) => s.items.length > 0).map((s) => (
        <section key={s.id} className="stack-sm persona-segment" aria-label={t('personas.segment', { name: s.name })}>
          <h3 className="personas-heading">{t('personas.segment', { name: s.name })}</h3>
          {list(s.items)}
        </section>
      ))}
      {loose.length > 0 ? (
        <section className="stack-sm persona-segment" aria-label={t('personas.noSegment')}>
          <h3 className="personas-heading">{t('personas.noSegment')}</h3>
          {list(loose)}
        </section>
      ) : null}
    </div>
  );
}
