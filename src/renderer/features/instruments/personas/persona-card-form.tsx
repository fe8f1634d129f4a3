import { useState, type FormEvent } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { CARD_LABEL_MAX, CARD_TEXT_MAX, PersonaContentSchema, createPersonaCard, putPersonaCard, type PersonaCard, type PersonaContent } from '../../../../core/instruments/personas';
import { useLanguage, useT } from '../../../i18n';
import type { ParticipantSession } from '../../../storage/participant-session';
import type { SessionConnection } from '../../../sync/provider';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { TextAreaField, TextField } from '../../../ui/text-field';
import { authorOf } from '../../steps/step-context';
import { channelLabel } from './personas-data';

const EMPTY: PersonaContent = { label: '', situation: '', whatMatters: '', needs: [], abilityAndWill: '', resources: '', expectations: '', channels: [] };
type TextKey = 'situation' | 'whatMatters' | 'abilityAndWill' | 'resources' | 'expectations';
const TEXT_FIELDS: readonly TextKey[] = ['situation', 'whatMatters', 'abilityAndWill', 'resources', 'expectations'];

/** The group's own persona card: one writer, who may edit it later (the host checks both). */
export function PersonaCardForm(props: {
  readonly connection: SessionConnection;
  readonly record: ParticipantSession;
  readonly pack: PackOf<'personas'>;
  readonly stepId: string;
  readonly groupId: string | null;
  readonly channelIds: readonly string[];
  readonly editing: PersonaCard | null;
  readonly onDone: (card: PersonaCard) => void;
  readonly onCancel?: () => void;
}) {
  const { connection, record, pack, stepId, groupId, channelIds, editing, onDone, onCancel } = props;
  const t = useT();
  const lang = useLanguage();
  const [content, setContent] = useState<PersonaContent>(editing ?? EMPTY);
  const [needsText, setNeedsText] = useState((editing?.needs ?? []).join('\n'));
  const [problem, setProblem] = useState(false);
  const f = pack.content.fields;
  const set = (patch: Partial<PersonaContent>) => setContent((c) => ({ ...c, ...patch }));

  function submit(event: FormEvent): void {
    event.preventDefault();
    const needs = needsText.split('\n').map((n) => n.trim()).filter(Boolean).slice(0, 8);
    const parsed = PersonaContentSchema.safeParse({ ...content, needs });
    if (!parsed.success) {
      setProblem(true);
      return;
    }
    setProblem(false);
    const card = editing
      ? { ...editing, ...parsed.data, editedAt: Date.now() }
      : createPersonaCard(parsed.data, authorOf(record), { stepId, ...(groupId ? { groupId } : {}) });
    putPersonaCard(connection.board, card);
    onDone(card);
    if (!editing) {
      setContent(EMPTY);
      setNeedsText('');
    }
  }

  return (
    <form className="card stack-sm persona-form" onSubmit={submit} noValidate>
      <TextField label={t('personas.form.label')} hint={t('personas.form.labelHint')} value={content.label} maxLength={CARD_LABEL_MAX} onChange={(e) => set({ label: e.target.value })} />
      {TEXT_FIELDS.slice(0, 2).map((key) => (
        <TextAreaField key={key} label={f[key][lang]} rows={2} maxLength={CARD_TEXT_MAX} value={content[key]} onChange={(e) => set({ [key]: e.target.value })} />
      ))}
      <TextAreaField label={f.needs[lang]} hint={t('personas.form.needsHint')} rows={3} value={needsText} onChange={(e) => setNeedsText(e.target.value)} />
      {TEXT_FIELDS.slice(2).map((key) => (
        <TextAreaField key={key} label={f[key][lang]} rows={2} maxLength={CARD_TEXT_MAX} value={content[key]} onChange={(e) => set({ [key]: e.target.value })} />
      ))}
      {channelIds.length > 0 ? (
        <fieldset className="stack-sm">
          <legend className="field-label">{f.channels[lang]}</legend>
          <div className="channel-options">
            {channelIds.map((c) => (
              <label key={c} className="checkbox channel-option">
                <input
                  type="checkbox"
                  checked={content.channels.includes(c)}
                  onChange={(e) => set({ channels: e.target.checked ? [...content.channels, c] : content.channels.filter((x) => x !== c) })}
                />
                <span>{channelLabel(pack, c, lang)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {problem ? <Notice tone="error" role="alert"><p>{t('personas.form.invalid')}</p></Notice> : null}
      <div className="row">
        <Button type="submit">{editing ? t('personas.form.save') : t('personas.form.add')}</Button>
        {onCancel ? <Button variant="quiet" onClick={onCancel}>{t('personas.form.cancel')}</Button> : null}
      </div>
    </form>
  );
}
