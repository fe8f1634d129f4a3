import { useState } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import { formatJoinCode } from '../../../core/join-code';
import { errorCodeOf } from '../../api/api-error';
import { regenerateCode } from '../../api/safety-api';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { ConfirmDialog } from '../../ui/confirm-dialog';

export interface RegenerateCodeButtonProps {
  readonly token: string;
  readonly sessionId: string;
  /** The new code and link; the old ones no longer work. */
  readonly onRegenerated: (share: ShareResponse) => void;
}

/** "Ny kod": a new join code and link behind a confirm; people already in stay in. */
export function RegenerateCodeButton({ token, sessionId, onRegenerated }: RegenerateCodeButtonProps) {
  const t = useT();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function regenerate(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const share = await regenerateCode(token, sessionId);
      setOpen(false);
      onRegenerated(share);
      announce(t('safety.regenerate.done', { code: formatJoinCode(share.joinCode) }));
    } catch (failure) {
      setError(`${t('safety.regenerate.error')}: ${t(`error.${errorCodeOf(failure)}`)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('safety.regenerate.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('safety.regenerate.confirmTitle')}
        body={t('safety.regenerate.confirmBody')}
        confirmLabel={t('safety.regenerate.confirm')}
        busy={busy}
        error={error}
        onConfirm={() => void regenerate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
