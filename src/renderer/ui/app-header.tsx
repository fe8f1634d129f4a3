import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { PreferencesBar } from './preferences-bar';

export interface AppHeaderProps {
  /** Extra controls next to the preferences (e.g. "Alla sessioner"). */
  readonly children?: ReactNode;
  readonly showTextSize?: boolean;
  readonly wide?: boolean;
}

/** The top bar: the app's name and mark, then the person's own settings. */
export function AppHeader({ children, showTextSize = true, wide = false }: AppHeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <div className={wide ? 'app-header-inner is-wide' : 'app-header-inner'}>
        <div className="brand">
          <img src="./icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </div>
        <div className="row">
          {children}
          <PreferencesBar showTextSize={showTextSize} />
        </div>
      </div>
    </header>
  );
}
