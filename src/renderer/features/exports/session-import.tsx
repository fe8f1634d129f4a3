import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { SessionSummary } from '../../../contracts/http';
import { errorCodeOf } from '../../api/api-error';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { ImportRefused, importSessionFile } from './exports-api';
import './exports.css';

/** Larger than any real archive of a day's workshop; the host refuses beyond its own limit too. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface SessionImport {
  /** "Importera session" with its hidden file input: sits with the other actions of the list. */
  readonly button: ReactNode;
  /** Why a file was refused, when it was: goes under the actions. */
  readonly problem: ReactNode;
}

/**
 * "Importera session": a JSON export or a .samskapa archive becomes a new session. A refused file
 * says why, with the host's details; nothing already on this computer changes.
 */
export function useSessionImport(token: string, onImported: (session: SessionSummary) => void): SessionImport {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; details: readonly string[] } | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      setProblem({ message: t('error.payload-too-large'), details: [] });
      return;
    }
    setBusy(true);
    try {
      onImported(await importSessionFile(token, file));
    } catch (failure) {
      setProblem({ message: t(`error.${errorCodeOf(failure)}`), details: failure instanceof ImportRefused ? failure.details : [] });
    } finally {
      setBusy(false);
    }
  }

  return {
    button: (
      <>
        <Button variant="secondary" size="large" busy={busy} onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
          {t('exports.import.button')}
        </Button>
        <span id={hintId} className="visually-hidden">
          {t('exports.import.hint')}
        </span>
        <input
          ref={inputRef}
          type="file"
          accept=".json,.samskapa,application/json,application/vnd.sqlite3"
          hidden
          aria-label={t('exports.import.fileLabel')}
          data-testid="session-import-file"
          onChange={(event) => void onFile(event)}
        />
      </>
    ),
    problem: problem ? (
      <div className="session-import">
        <Notice tone="error" role="alert" title={t('exports.import.failed')}>
          <p>{problem.message}</p>
          {problem.details.length > 0 ? (
            <ul className="import-details">
              {problem.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <p className="small">{t('exports.import.hint')}</p>
        </Notice>
      </div>
    ) : null,
  };
}
