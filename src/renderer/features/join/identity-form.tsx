import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_MAX_LENGTH } from '../../../contracts/http';
import type { ParticipantRole } from '../../../core/roles';
import { useT } from '../../i18n';
import { useInstructions } from '../../preferences/use-instruction';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/text-field';
import { RolePicker } from './role-picker';

export interface Identity {
  readonly name: string;
  readonly anonymous: boolean;
  readonly role: ParticipantRole;
}

export interface IdentityFormProps {
  readonly onSubmit: (identity: Identity) => void;
  readonly busy: boolean;
  /** A translated error from the join call. */
  readonly error: string | null;
}

/** One screen: "Vad vill du kallas?" (or "Var anonym"), a role, and "Gå med". */
export function IdentityForm({ onSubmit, busy, error }: IdentityFormProps) {
  const t = useT();
  const ti = useInstructions();
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [role, setRole] = useState<ParticipantRole | null>(null);
  const [tried, setTried] = useState(false);

  const nameMissing = !anonymous && name.trim().length === 0;
  const nameError = tried && nameMissing ? t('join.nameMissing') : null;
  const roleError = tried && role === null ? t('join.roleMissing') : null;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTried(true);
    if (nameMissing || role === null) return;
    onSubmit({ name: anonymous ? '' : name.trim(), anonymous, role });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="stack-sm">
        <TextField
          label={t('join.nameLabel')}
          hint={ti('join.nameHint')}
          error={nameError}
          value={name}
          onChange={(event) => setName(event.target.value)}
          disabled={anonymous}
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          className="input-large"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.target.checked)}
          />
          {t('join.anonymousLabel')}
        </label>
        {anonymous ? (
          <Notice tone="info" role="status">
            <p>{ti('join.anonymousHint')}</p>
          </Notice>
        ) : null}
      </div>
      <RolePicker value={role} onChange={setRole} error={roleError} />
      {error ? (
        <Notice tone="error" role="alert">
          <p>{error}</p>
        </Notice>
      ) : null}
      <Button type="submit" size="large" block busy={busy}>
        {busy ? t('join.joining') : t('join.submit')}
      </Button>
    </form>
  );
}
