import { useState, type FormEvent } from 'react';
import type { SessionSummary } from '../../../contracts/http';
import { SESSION_TITLE_MAX_LENGTH } from '../../../core/workshop/session-info';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { createSession } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';
import { TemplatePicker } from '../templates/template-picker';

export interface CreateSessionFormProps {
  readonly token: string;
  readonly onCreated: (session: SessionSummary) => void;
  readonly onCancel: () => void;
}

export function CreateSessionForm({ token, onCreated, onCancel }: CreateSessionFormProps) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiErrorCode | 'missing' | null>(null);
  const [busy, setBusy] = useState(false);
  const [template, setTemplate] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (title.trim().length === 0) {
      setError('missing');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createSession(token, title.trim(), template));
    } catch (failure) {
      setError(errorCodeOf(failure));
      setBusy(false);
    }
  }

  return (
    <Card as="section" aria-labelledby="create-session-heading">
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="create-session-heading">{t('sessions.createHeading')}</h2>
        <TextField
          label={t('sessions.titleLabel')}
          hint={t('sessions.titleHint')}
          error={
            error === 'missing' ? t('sessions.titleMissing') : error ? t(`error.${error}`) : null
          }
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={SESSION_TITLE_MAX_LENGTH}
          autoFocus
        />
        <TemplatePicker token={token} value={template} onChange={setTemplate} />
        <div className="row">
          <Button type="submit" busy={busy}>
            {busy ? t('sessions.creating') : t('sessions.createSubmit')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('sessions.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
