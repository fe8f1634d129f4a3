import { useEffect, useState } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import { formatJoinCode } from '../../../core/join-code';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { closeSession, getShare } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { useAnnounce } from '../../ui/live-region';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { ShareDialog } from './share-dialog';

export interface ShareControlsProps {
  readonly token: string;
  readonly sessionId: string;
  readonly title: string;
  readonly initiallyShared: boolean;
  readonly share: ShareResponse | null;
  readonly onShareChange: (share: ShareResponse | null) => void;
}

/** "Öppna för rummet" / "Stäng för rummet", and the join code while the session is open. */
export function ShareControls(props: ShareControlsProps) {
  const { token, sessionId, title, initiallyShared, share, onShareChange } = props;
  const t = useT();
  const announce = useAnnounce();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<ApiErrorCode | null>(null);

  useEffect(() => {
    if (!initiallyShared) return;
    let live = true;
    getShare(token, sessionId).then(
      (current) => live && onShareChange(current),
      (failure: unknown) => live && setError(errorCodeOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [token, sessionId, initiallyShared, onShareChange]);

  async function close(): Promise<void> {
    setClosing(true);
    setError(null);
    try {
      await closeSession(token, sessionId);
      onShareChange(null);
      announce(t('share.closed'));
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setClosing(false);
    }
  }

  return (
    <div className="share-controls stack-sm">
      {share ? (
        <div className="row">
          <span className="badge badge-live">{t('share.isOpen')}</span>
          <span className="share-inline-code">
            <span className="visually-hidden">{t('share.codeLabel')} </span>
            {formatJoinCode(share.joinCode)}
          </span>
        </div>
      ) : null}
      <div className="row">
        {share ? (
          <>
            <Button variant="secondary" onClick={() => setDialogOpen(true)}>
              {t('share.showAgain')}
            </Button>
            <Button variant="danger" busy={closing} onClick={() => void close()}>
              {closing ? t('share.closing') : t('share.close')}
            </Button>
          </>
        ) : (
          <Button size="large" onClick={() => setDialogOpen(true)}>
            {t('share.open')}
          </Button>
        )}
      </div>
      {error ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${error}`)}</p>
        </Notice>
      ) : null}
      <ShareDialog
        open={dialogOpen}
        token={token}
        sessionId={sessionId}
        title={title}
        share={share}
        onShared={onShareChange}
        onClose={() => setDialogOpen(false)}
      />
    </div>
  );
}
