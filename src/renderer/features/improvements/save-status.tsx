import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import type { SaveStatus } from './use-improvement-draft';

/** "Alla ändringar är sparade 14:02" / "Sparar…" / what went wrong, and a Save button that always works. */
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
        return t('improvements.save.failed', { reason: t(`error.${status.code}`) });
      case 'invalid':
        return t(`improvements.save.invalid.${status.what}`);
    }
  })();
  const problem = status.kind === 'failed' || status.kind === 'invalid';
  return (
    <div className={problem ? 'save-bar has-problem' : 'save-bar'}>
      <p className="save-text" role={problem ? 'alert' : 'status'} data-testid="save-status">
        {text}
      </p>
      <Button variant={status.kind === 'saved' ? 'secondary' : 'primary'} onClick={onSave} busy={status.kind === 'saving'} aria-keyshortcuts="Control+S">
        {t('improvements.save.button')}
      </Button>
    </div>
  );
}
