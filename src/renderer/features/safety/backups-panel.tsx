import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BackupSummary } from '../../../contracts/http';
import { errorCodeOf } from '../../api/api-error';
import { listBackups, restoreBackup } from '../../api/safety-api';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatKilobytes, formatWhen } from './format';
import type { SafetyPanelProps } from './participants-panel';
import { useReloadable } from './use-reloadable';

/** The session's automatic backups, newest first, each with "Återställ" behind a confirm. */
export function BackupsPanel({ token, sessionId }: SafetyPanelProps) {
  const t = useT();
  const language = useLanguage();
  const headingId = useId();
  const load = useCallback(() => listBackups(token, sessionId), [token, sessionId]);
  const { state, reloading, reload } = useReloadable(load);
  const [pending, setPending] = useState<BackupSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<BackupSummary | null>(null);
  const restoredRef = useRef<HTMLDivElement>(null);

  // After a restore the confirm closes: move focus to the result, so nobody is left on a vanished dialog.
  useEffect(() => {
    if (restored) restoredRef.current?.focus();
  }, [restored]);

  const when = (b: BackupSummary) => formatWhen(b.createdAt, language, { seconds: true });

  async function confirmRestore(): Promise<void> {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await restoreBackup(token, sessionId, pending.name);
      setRestored(pending);
      setPending(null);
      await reload();
    } catch (failure) {
      setError(`${t('safety.backups.restoreError')}: ${t(`error.${errorCodeOf(failure)}`)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="safety-panel stack-sm" aria-labelledby={headingId} data-testid="backups-panel">
      <div className="row-between">
        <h3 id={headingId}>{t('safety.backups.heading')}</h3>
        <Button variant="quiet" busy={reloading} onClick={() => void reload()}>
          {t('safety.refresh')}
        </Button>
      </div>
      <p className="muted small">{t('safety.backups.intro')}</p>
      {restored ? (
        <div ref={restoredRef} tabIndex={-1} className="safety-restored">
          <Notice tone="success" role="status" title={t('safety.backups.restoredTitle')}>
            <p>{t('safety.backups.restoredBody', { time: when(restored) })}</p>
          </Notice>
        </div>
      ) : null}
      {state.kind === 'loading' ? <Loading label={t('safety.backups.loading')} /> : null}
      {state.kind === 'error' ? (
        <Notice tone="error" role="alert" title={t('safety.backups.loadError')}>
          <p>{t(`error.${state.code}`)}</p>
        </Notice>
      ) : null}
      {state.kind === 'ready' && state.value.length === 0 ? (
        <div className="safety-empty">
          <p className="safety-empty-title">{t('safety.backups.emptyTitle')}</p>
          <p className="muted">{t('safety.backups.emptyBody')}</p>
        </div>
      ) : null}
      {state.kind === 'ready' && state.value.length > 0 ? (
        <div className="safety-table-wrap">
          <table className="safety-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('safety.backups.time')}</th>
                <th scope="col">{t('safety.backups.why')}</th>
                <th scope="col" className="safety-num">
                  {t('safety.backups.size')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('safety.backups.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((b) => (
                <tr key={b.name}>
                  <td>{when(b)}</td>
                  <td>{t(`safety.backups.reason.${b.reason}`)}</td>
                  <td className="safety-num">
                    {t('safety.backups.kilobytes', { size: formatKilobytes(b.bytes, language) })}
                  </td>
                  <td className="safety-action">
                    <Button
                      variant="secondary"
                      aria-label={t('safety.backups.restoreLabel', { time: when(b) })}
                      onClick={() => {
                        setError(null);
                        setPending(b);
                      }}
                    >
                      {t('safety.backups.restore')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={t('safety.backups.confirmTitle', { time: pending ? when(pending) : '' })}
        body={t('safety.backups.confirmBody', { time: pending ? when(pending) : '' })}
        confirmLabel={t('safety.backups.confirm')}
        busy={busy}
        error={error}
        onConfirm={() => void confirmRestore()}
        onClose={() => setPending(null)}
      />
    </section>
  );
}
