import { useEffect } from 'react';
import { useT } from '../i18n';

/**
 * The window (tab) title per screen: "Samskapa – <page>", or "Samskapa" for null. Set after the
 * current render's effects (a microtask), so the app root's default title never wins over it.
 */
export function useDocumentTitle(page: string | null): void {
  const t = useT();
  useEffect(() => {
    let live = true;
    queueMicrotask(() => {
      if (live) document.title = page ? t('help.window.named', { page }) : t('app.name');
    });
    return () => {
      live = false;
    };
  }, [page, t]);
}
