import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { ParticipantSummary } from '../../../contracts/http';
import { errorCodeOf } from '../../api/api-error';
import { listParticipants, removeParticipant } from '../../api/safety-api';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { roleColor } from '../../ui/role-colors';
import { Loading } from '../../ui/spinner';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatWhen } from './format';
import { useReloadable } from './use-reloadable';

export interface SafetyPanelProps {
  readonly token: string;
  readonly sessionId: string;
}

/** Everyone who joined, with "Ta bort <namn>" behind a confirm that says what happens. */
export function ParticipantsPanel({ token, sessionId }: SafetyPanelProps) {
  const t = useT();
  const language = useLanguage();
  const announce = useAnnounce();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const load = useCallback(() => listParticipants(token, sessionId), [token, sessionId]);
  const { state, reloading, reload } = useReloadable(load);
  const [pending, setPending] = useState<ParticipantSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);

  // The removed person's button is gone after the reload: keep focus on their row instead.
  useEffect(() => {
    if (refocus === null || state.kind !== 'ready') return;
    setRefocus(null);
    listRef.current?.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(refocus)}"]`)?.focus();
  }, [refocus, state]);

  const nameOf = (p: ParticipantSummary) => p.name ?? t('safety.participants.anonymous');
  /** Unique enough to tell two anonymous people apart by ear: "Anonym deltagare, Patient, 14:05". */
  const labelOf = (p: ParticipantSummary) =>
    p.name ?? `${t('safety.participants.anonymous')}, ${t(`role.${p.role}`)}, ${formatWhen(p.joinedAt, language)}`;

  async function confirmRemove(): Promise<void> {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await removeParticipant(token, sessionId, pending.id);
      const who = labelOf(pending);
      setPending(null);
      setRefocus(pending.id);
      await reload();
      announce(t('safety.participants.removed', { name: who }));
    } catch (failure) {
      setError(`${t('safety.participants.removeError', { name: labelOf(pending) })}: ${t(`error.${errorCodeOf(failure)}`)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="safety-panel stack-sm" aria-labelledby={headingId} data-testid="participants-panel">
      <div className="row-between">
        <h3 id={headingId}>{t('safety.participants.heading')}</h3>
        <Button variant="quiet" busy={reloading} onClick={() => void reload()}>
          {t('safety.refresh')}
        </Button>
      </div>
      <p className="muted small">{t('safety.participants.intro')}</p>
      {state.kind === 'loading' ? <Loading label={t('safety.participants.loading')} /> : null}
      {state.kind === 'error' ? (
        <Notice tone="error" role="alert" title={t('safety.participants.loadError')}>
          <p>{t(`error.${state.code}`)}</p>
        </Notice>
      ) : null}
      {state.kind === 'ready' && state.value.length === 0 ? (
        <div className="safety-empty">
          <p className="safety-empty-title">{t('safety.participants.emptyTitle')}</p>
          <p className="muted">{t('safety.participants.emptyBody')}</p>
        </div>
      ) : null}
      {state.kind === 'ready' && state.value.length > 0 ? (
        <>
          <p className="small">{t('safety.participants.count', { count: state.value.length })}</p>
          <ul ref={listRef} className="plain-list safety-people" aria-labelledby={headingId}>
            {state.value.map((p) => (
              <li
                key={p.id}
                className={p.removed ? 'safety-person is-removed' : 'safety-person'}
                style={{ '--role-color': roleColor(p.role) } as CSSProperties}
                data-person-id={p.id}
                tabIndex={-1}
              >
                <span className="safety-person-text">
                  <span className="safety-person-name">{nameOf(p)}</span>
                  <span className="small muted">
                    {t(`role.${p.role}`)} · {t('safety.participants.joined', { time: formatWhen(p.joinedAt, language) })}
                  </span>
                </span>
                {p.removed ? (
                  <span className="badge safety-removed-badge">{t('safety.participants.removedBadge')}</span>
                ) : (
                  <Button
                    variant="quiet"
                    className="safety-remove"
                    aria-label={t('safety.participants.removeLabel', { name: labelOf(p) })}
                    onClick={() => {
                      setError(null);
                      setPending(p);
                    }}
                  >
                    {t('safety.participants.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={t('safety.participants.confirmTitle', { name: pending ? labelOf(pending) : '' })}
        body={t('safety.participants.confirmBody')}
        confirmLabel={t('safety.participants.confirm')}
        busy={busy}
        error={error}
        onConfirm={() => void confirmRemove()}
        onClose={() => setPending(null)}
      />
    </section>
  );
}
