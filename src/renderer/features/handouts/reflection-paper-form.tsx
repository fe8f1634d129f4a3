import { useId, useState, type FormEvent } from 'react';
import { PARTICIPANT_ROLES } from '../../../core/roles';
import type { ParticipantRole } from '../../../core/roles';
import type { Step } from '../../../core/workshop/agenda';
import { errorCodeOf } from '../../api/api-error';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { TextAreaField } from '../../ui/text-field';
import { reflectionConfigOf } from '../instruments/reflection/reflection-text';
import { useGroups } from '../steps/use-workshop';
import { addPaperAnswers } from './handouts-api';
import { ErrorLine } from '../../ui/error-line';

export interface ReflectionPaperFormProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly token: string | null;
}

/**
 * One paper reflection sheet typed in: the writer's role (and table), then the answer to each
 * prompt. Each answer becomes a note without a name, marked as typed in from paper, waiting for
 * the reveal like the phones' answers. On a refusal the text stays in the fields.
 */
export function ReflectionPaperForm({ connection, step, token }: ReflectionPaperFormProps) {
  const t = useT();
  const announce = useAnnounce();
  const roleId = useId();
  const groupId = useId();
  const prompts = reflectionConfigOf(step).prompts;
  const groups = useGroups(connection.control);
  const inGroups = step.groupMode === 'groups' && groups.length > 0;
  const [role, setRole] = useState<ParticipantRole>('patient');
  const [group, setGroup] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    const written = Object.fromEntries(Object.entries(answers).filter(([, text]) => text.trim()));
    if (Object.keys(written).length === 0) return setError(t('handouts.paper.nothingWritten'));
    setBusy(true);
    setError(null);
    try {
      const saved = await addPaperAnswers(token, connection.sessionId, {
        kind: 'reflection',
        stepId: step.id,
        role,
        ...(inGroups && group ? { groupId: group } : {}),
        answers: written,
      });
      setAnswers({});
      announce(t('handouts.paper.reflectionSaved', { count: saved.stored }));
    } catch (failure) {
      setError(t(`error.${errorCodeOf(failure)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack-sm paper-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <div className="field">
          <label htmlFor={roleId} className="field-label">
            {t('handouts.paper.roleLabel')}
          </label>
          <select id={roleId} className="input" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {inGroups ? (
          <div className="field">
            <label htmlFor={groupId} className="field-label">
              {t('handouts.paper.groupLabel')}
            </label>
            <select id={groupId} className="input" value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="">{t('handouts.paper.noGroup')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {prompts.map((prompt) => (
        <TextAreaField
          key={prompt.id}
          label={prompt.text}
          rows={3}
          value={answers[prompt.id] ?? ''}
          onChange={(e) => setAnswers((current) => ({ ...current, [prompt.id]: e.target.value }))}
        />
      ))}
      <ErrorLine error={error} />
      <Button type="submit" variant="secondary" busy={busy} disabled={!token}>
        {t('handouts.paper.saveSheet')}
      </Button>
    </form>
  );
}
