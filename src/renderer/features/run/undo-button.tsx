import { useT } from '../../i18n';
import type { FacilitatorUndo } from './use-facilitator-undo';
import { KeyHint } from './key-hint';

/** "Ångra" with what it would take back, e.g. "Gå till Välkomna". */
export function UndoButton({ undo }: { readonly undo: FacilitatorUndo }) {
  const t = useT();
  return (
    <div className="undo-control">
      <button
        type="button"
        className="btn btn-quiet"
        onClick={undo.undo}
        disabled={!undo.next}
        aria-keyshortcuts="Control+Z"
        aria-describedby="run-undo-what"
      >
        {t('run.undo.button')} <KeyHint label={t('run.keys.undo')} />
      </button>
      <span id="run-undo-what" className="undo-what">
        {undo.next?.label ? t('run.undo.what', { label: undo.next.label(t) }) : ''}
      </span>
    </div>
  );
}
