import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { SaveStatus } from './use-improvement-draft';

/**
 * "Sparat 14:02" / "Sparar…" and a Save button that always works. The line is short and one line
 * high whatever it says, so the page never shifts under the pointer when a save starts on blur.
 */
export function SaveBar({ status, savedAt, onSave }: { readonly status: SaveStatus; readonly savedAt: number; readonly onSave: () => void }) {
  const t = useT();
  const lang = useLanguage();
  const text = (() => {
    switch (status.kind) {
      case 'saved':
        return t('improvements.save.saved', { time: formatTime(savedAt, lang) });
      case 'unsaved':
        return t('improvements.save.unsaved');
      case 'saving':
        return t('improvements.save.saving');
      case 'failed':
      case 'invalid':
        return t('improvements.save.problem');
    }
  })();
  const problem = status.kind === 'failed' || status.kind === 'invalid';
  return (
    <div className={problem ? 'save-bar has-problem' : 'save-bar'}>
      <p className="save-text" role="status" data-testid="save-status">
        {text}
      </p>
      <Button variant={status.kind === 'saved' ? 'secondary' : 'primary'} onClick={onSave} busy={status.kind === 'saving'} aria-keyshortcuts="Control+S">
        {t('improvements.save.button')}
      </Button>
    </div>
  );
}

/** Why the last save did not go through, in words, with the reassurance that the text is kept. */
export function SaveProblem({ status }: { readonly status: SaveStatus }) {
  const t = useT();
  if (status.kind !== 'failed' && status.kind !== 'invalid') return null;
  return (
    <Notice tone="error" role="alert">
      <p>{status.kind === 'failed' ? t('improvements.save.failed', { reason: t(`error.${status.code}`) }) : t(`improvements.save.invalid.${status.what}`)}</p>
    </Notice>
  );
}
