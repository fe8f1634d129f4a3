import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { useInitialFocus } from './use-initial-focus';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** "Are you sure?" for actions that remove something. Cancel is first in the tab order. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ConfirmBody body={body} confirmLabel={confirmLabel} onConfirm={onConfirm} onClose={onClose} />
    </Dialog>
  );
}

function ConfirmBody({ body, confirmLabel, onConfirm, onClose }: Omit<ConfirmDialogProps, 'open' | 'title'>) {
  const t = useT();
  const ref = useInitialFocus<HTMLDivElement>('[data-initial-focus]');
  return (
    <div ref={ref} className="stack confirm-body">
      <p>{body}</p>
      <div className="row">
        <Button variant="secondary" onClick={onClose} data-initial-focus>
          {t('agenda.form.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
