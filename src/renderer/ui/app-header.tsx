import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ComfortPanel } from './comfort-panel';
import { useHeaderExtras } from './header-extras';
import { LanguageSwitch, PreferencesBar } from './preferences-bar';

export interface AppHeaderProps {
  /** Extra controls next to the preferences (e.g. "Alla sessioner"). */
  readonly children?: ReactNode;
  readonly showTextSize?: boolean;
  readonly wide?: boolean;
  /**
   * Participants: "Visning" opens the comfort settings (larger text, high contrast, lättläst,
   * read-aloud layout) in one tap, instead of the lone "Aa" toggle.
   */
  readonly comfort?: boolean;
}

/** The top bar: the app's name and mark, then the person's own settings. */
export function AppHeader({ children, showTextSize = true, wide = false, comfort = false }: AppHeaderProps) {
  const t = useT();
  const extras = useHeaderExtras();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const buttonId = `${panelId}-button`;

  function closeOnEscape(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  }

  return (
    <header className={comfort ? 'app-header has-comfort' : 'app-header'} onKeyDown={closeOnEscape}>
      <div className={wide ? 'app-header-inner is-wide' : 'app-header-inner'}>
        <div className="brand">
          <img src="./icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </div>
        <div className="row header-actions">
          {children}
          {extras}
          {comfort ? (
            <div className="preferences-bar" role="group" aria-label={t('app.settings')}>
              <button
                id={buttonId}
                type="button"
                className="comfort-button"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpen((shown) => !shown)}
              >
                <span className="comfort-button-mark" aria-hidden="true">
                  {t('textSize.symbol')}
                </span>
                {t('comfort.button')}
              </button>
              <LanguageSwitch />
            </div>
          ) : (
            <PreferencesBar showTextSize={showTextSize} />
          )}
        </div>
      </div>
      {comfort && open ? (
        <ComfortPanel
          id={panelId}
          onDone={() => {
            setOpen(false);
            document.getElementById(buttonId)?.focus();
          }}
        />
      ) : null}
    </header>
  );
}
