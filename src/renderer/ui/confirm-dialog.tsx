import type { HTMLAttributes, KeyboardEvent, SyntheticEvent } from 'react';
import { useT } from '../i18n';
import { Button } from './button';
import { Dialog } from './dialog';
import { useInitialFocus } from './use-initial-focus';
import { ErrorLine } from './error-line';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What will happen, in plain words. */
  readonly body: string;
  readonly confirmLabel: string;
  /** The action is under way: the confirm button shows it and cannot be pressed twice. */
  readonly busy?: boolean;
  /** Shown under the text when the action failed (the dialog stays open). */
  readonly error?: string | null;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/**
 * "Are you sure?" before an action that removes or replaces something. Focus starts on Cancel
 * (first in the tab order), Esc cancels, and the Dialog returns focus to the opener.
 * The wrapper keeps Esc and Tab inside this dialog when it opens on top of another one (the share
 * dialog's safety actions): React passes the `cancel` and `keydown` events up the component tree,
 * and the outer dialog would close too.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, onClose } = props;
  // `cancel` is not in React's types for a <div>, but React does pass it up the tree.
  const stopCancel = { onCancel: (event: SyntheticEvent) => event.stopPropagation() } as HTMLAttributes<HTMLDivElement>;
  const stopKeys = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.key === 'Escape') event.stopPropagation();
  };
  return (
    <div className="confirm-host" {...stopCancel} onKeyDown={stopKeys}>
      <Dialog open={open} title={title} onClose={onClose}>
        <ConfirmBody {...props} />
      </Dialog>
    </div>
  );
}

function ConfirmBody({ body, confirmLabel, busy = false, error, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const ref = useInitialFocus<HTMLDivElement>('[data-initial-focus]');
  return (
    <div ref={ref} className="stack confirm-body">
      <p>{body}</p>
      <ErrorLine error={error} />
      <div className="row">
        <Button variant="secondary" onClick={onClose} data-initial-focus>
          {t('dialog.cancel')}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
