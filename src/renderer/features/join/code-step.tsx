import { useState, type FormEvent } from 'react';
import type { JoinInfo } from '../../../contracts/http';
import { normalizeJoinCode } from '../../../core/join-code';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { fetchJoinInfo } from '../../api/participant-api';
import { useT } from '../../i18n';
import { useInstruction } from '../../preferences/use-instruction';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';

export interface CodeStepProps {
  readonly onFound: (code: string, info: JoinInfo) => void;
  /** An error carried back from a failed join (e.g. the code expired meanwhile). */
  readonly initialError?: ApiErrorCode | null;
}

/** The big numeric field for the six-digit code; "482 913" and "482913" both work. */
export function CodeStep({ onFound, initialError = null }: CodeStepProps) {
  const t = useT();
  const codeHint = useInstruction('join.codeHint');
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiErrorCode | 'invalid' | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const code = normalizeJoinCode(value);
    if (!code) {
      setError('invalid');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onFound(code, await fetchJoinInfo({ code }));
    } catch (failure) {
      setError(errorCodeOf(failure));
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('join.codeLabel')}
        hint={codeHint}
        error={error === 'invalid' ? t('join.codeInvalid') : error ? t(`error.${error}`) : null}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        enterKeyHint="go"
        maxLength={12}
        className="input-code"
        autoFocus
      />
      <Button type="submit" size="large" block busy={busy}>
        {busy ? t('join.checking') : t('join.next')}
      </Button>
    </form>
  );
}
