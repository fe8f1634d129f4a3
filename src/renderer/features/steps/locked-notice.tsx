import { useT } from '../../i18n';
import { Notice } from '../../ui/notice';

/** Shown when the facilitator has closed input: calm, not an error. */
export function LockedNotice({ id }: { readonly id: string }) {
  const t = useT();
  return (
    <Notice tone="info" role="status" id={id}>
      <p>{t('steps.locked')}</p>
      <p className="small">{t('steps.lockedDraftKept')}</p>
    </Notice>
  );
}
