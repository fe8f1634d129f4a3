import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { BackupsPanel } from './backups-panel';
import { ParticipantsPanel, type SafetyPanelProps } from './participants-panel';
import './safety.css';

/**
 * "Deltagare och säkerhetskopior" in Planera: a heading with a disclosure button (closed at first,
 * so nothing is fetched until it is opened), then who joined and the session's backups.
 */
export function SafetyPanels({ token, sessionId }: SafetyPanelProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <section className="safety-panels card stack" data-testid="safety-panels">
      <h2 className="safety-panels-heading">
        <button
          type="button"
          className="safety-disclosure"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen((was) => !was)}
        >
          <span className="safety-disclosure-mark" aria-hidden="true" />
          {t('safety.heading')}
        </button>
      </h2>
      <div id={contentId} hidden={!open} className="safety-panels-grid">
        {open ? (
          <>
            <ParticipantsPanel token={token} sessionId={sessionId} />
            <BackupsPanel token={token} sessionId={sessionId} />
          </>
        ) : null}
      </div>
    </section>
  );
}
