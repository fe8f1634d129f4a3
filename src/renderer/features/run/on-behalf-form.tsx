import { useId, useState, type FormEvent } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { addNote, createNote, validateNoteText, type NoteInputError } from '../../../core/workshop/board';
import type { Group } from '../../../core/workshop/groups';
import { vaultPending } from '../../../core/workshop/moderation';
import { FACILITATOR_ORIGIN } from '../../../core/workshop/origins';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../core/roles';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useAnnounce } from '../../ui/live-region';
import { TextAreaField } from '../../ui/text-field';
import { isSilentWriting } from '../steps/step-notes';

export interface OnBehalfFormProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly groups: readonly Group[];
}

/**
 * A note typed in for someone without a device (a paper note, a spoken answer). It carries the
 * role the facilitator chose and is marked "skriven åt någon"; in silent writing it waits in the
 * vault with the others until the reveal.
 */
export function OnBehalfForm({ connection, step, groups }: OnBehalfFormProps) {
  const t = useT();
  const announce = useAnnounce();
  const roleId = useId();
  const groupId = useId();
  const [text, setText] = useState('');
  const [role, setRole] = useState<ParticipantRole>('patient');
  const [group, setGroup] = useState('');
  const [error, setError] = useState<NoteInputError | null>(null);
  const inGroups = step.groupMode === 'groups' && groups.length > 0;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problem = validateNoteText(text);
    if (problem) return setError(problem);
    const author = { role, anonymous: true, onBehalf: true } as const;
    const place = { stepId: step.id, ...(inGroups && group ? { groupId: group } : {}) };
    if (isSilentWriting(step) && connection.vault) {
      const vault = connection.vault;
      const note = createNote(text, author, place);
      vault.transact(() => vaultPending(vault).set(note.id, note), FACILITATOR_ORIGIN);
    } else {
      addNote(connection.board, text, author, Date.now(), place);
    }
    setText('');
    setError(null);
    announce(t('run.onBehalf.added'));
  }

  return (
    <details className="run-panel on-behalf">
      <summary>{t('run.onBehalf.heading')}</summary>
      <form className="stack-sm" onSubmit={submit} noValidate>
        <p className="muted small">{t('run.onBehalf.hint')}</p>
        <TextAreaField
          label={t('run.onBehalf.textLabel')}
          value={text}
          rows={3}
          error={error ? t(`error.${error}`) : null}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="row">
          <div className="field">
            <label htmlFor={roleId} className="field-label">{t('run.onBehalf.roleLabel')}</label>
            <select id={roleId} className="input" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
              {PARTICIPANT_ROLES.map((r) => (
                <option key={r} value={r}>{t(`role.${r}`)}</option>
              ))}
            </select>
          </div>
          {inGroups ? (
            <div className="field">
              <label htmlFor={groupId} className="field-label">{t('run.onBehalf.groupLabel')}</label>
              <select id={groupId} className="input" value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="">{t('run.onBehalf.noGroup')}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>{g.name}</option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-secondary">
          {t('run.onBehalf.submit')}
        </button>
      </form>
    </details>
  );
}
