import { useT } from '../../i18n';
import { useInstructions } from '../../preferences/use-instruction';
import { Notice } from '../../ui/notice';

/** Shown when the facilitator has closed input: calm, not an error. */
export function LockedNotice({ id }: { readonly id: string }) {
  const t = useT();
  const ti = useInstructions();
  return (
    <Notice tone="info" role="status" id={id}>
      <p>{ti('steps.locked')}</p>
      <p className="small">{ti('steps.lockedDraftKept')}</p>
    </Notice>
  );
}
