import type { ShareResponse } from '../../../contracts/http';
import { useT } from '../../i18n';
import { Dialog } from '../../ui/dialog';
import { RegenerateCodeButton } from '../safety/regenerate-code-button';
import { AddressPicker } from './address-picker';
import { JoinDisplay } from './join-display';

export interface ShareDialogProps {
  readonly open: boolean;
  readonly token: string;
  readonly sessionId: string;
  readonly title: string;
  readonly share: ShareResponse | null;
  readonly onShared: (share: ShareResponse) => void;
  readonly onClose: () => void;
}

/** First: which network the room is on. Then: the QR code, the link and the code in huge type. */
export function ShareDialog({ open, token, sessionId, title, share, onShared, onClose }: ShareDialogProps) {
  const t = useT();
  return (
    <Dialog open={open} title={t('share.dialogTitle')} onClose={onClose}>
      {share ? (
        <JoinDisplay
          share={share}
          title={title}
          onDone={onClose}
          codeAction={<RegenerateCodeButton token={token} sessionId={sessionId} onRegenerated={onShared} />}
        />
      ) : (
        <AddressPicker token={token} sessionId={sessionId} onShared={onShared} />
      )}
    </Dialog>
  );
}
