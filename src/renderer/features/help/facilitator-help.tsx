import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { Dialog } from '../../ui/dialog';
import { HeaderExtrasProvider } from '../../ui/header-extras';
import { GuideCards } from './guide-cards';
import { markGuideSeen } from './guide-seen';
import './help.css';

/**
 * Wraps the facilitator's screens: puts "Hjälp" into the header, and opens the guide in a dialog
 * from there on any screen (session list, session view).
 */
export function FacilitatorHelp({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = (
    <button type="button" className="btn btn-quiet help-button" onClick={() => setOpen(true)}>
      <span className="help-mark" aria-hidden="true">
        ?
      </span>
      {t('help.button')}
    </button>
  );
  return (
    <HeaderExtrasProvider extras={button}>
      {children}
      <Dialog
        open={open}
        title={t('help.guide.title')}
        onClose={() => {
          markGuideSeen();
          setOpen(false);
        }}
      >
        <div className="stack">
          <p className="muted">{t('help.guide.intro')}</p>
          <GuideCards />
        </div>
      </Dialog>
    </HeaderExtrasProvider>
  );
}
