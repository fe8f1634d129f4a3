import { useEffect, useRef, type HTMLAttributes, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What will happen, in plain words. */
  readonly body: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  /** Shown under the text when the action failed (the dialog stays open). */
  readonly error?: string | null;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/**
 * "Are you sure?" for the safety actions. Focus starts on Cancel. The wrapper keeps Esc and Tab
 * inside this dialog when it opens on top of another one (the share dialog): React passes the
 * `cancel` and `keydown` events up the component tree, and the outer dialog would close too.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, onClose } = props;
  // `cancel` is not in React's types for a <div>, but React does pass it up the tree.
  const stopCancel = { onCancel: (event: SyntheticEvent) => event.stopPropagation() } as HTMLAttributes<HTMLDivElement>;
  const stopTab = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.key === 'Escape') event.stopPropagation();
  };
  return (
    <div className="safety-confirm-host" {...stopCancel} onKeyDown={stopTab}>
      <Dialog open={open} title={title} onClose={onClose}>
        <ConfirmBody {...props} />
      </Dialog>
    </div>
  );
}

function ConfirmBody({ body, confirmLabel, busy = false, error, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // One frame later than the Dialog's showModal(), which focuses the first control (Close).
    const frame = window.requestAnimationFrame(() =>
      ref.current?.querySelector<HTMLElement>('[data-initial-focus]')?.focus(),
    );
    return () => window.cancelAnimationFrame(frame);
  }, []);
  return (
    <div ref={ref} className="stack safety-confirm">
      <p>{body}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <Button variant="secondary" onClick={onClose} data-initial-focus>
          {t('safety.cancel')}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
