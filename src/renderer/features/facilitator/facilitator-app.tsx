import { useT } from '../../i18n';
import { AppHeader } from '../../ui/app-header';
import { ImprovementPage } from '../improvements/improvement-page';
import { ImprovementsSection } from '../improvements/improvements-section';
import { SessionList } from './session-list';
import { SessionView } from './session-view';

export interface FacilitatorAppProps {
  readonly token: string;
  /** null: the session list; otherwise the session to show. */
  readonly sessionId: string | null;
  /** An improvement to show on its own (`#improvement=<id>`), or null. */
  readonly improvementId?: string | null;
}

/** The facilitator's screens (loaded lazily: participants' phones never download them). */
export default function FacilitatorApp({ token, sessionId, improvementId = null }: FacilitatorAppProps) {
  const t = useT();
  return (
    <div className="facilitator">
      <AppHeader wide>
        {sessionId || improvementId ? (
          <a className="btn btn-quiet" href="#">
            {t('sessions.back')}
          </a>
        ) : null}
      </AppHeader>
      <main id="main" className="page page-wide stack" tabIndex={-1}>
        {improvementId ? (
          <ImprovementPage key={improvementId} token={token} improvementId={improvementId} />
        ) : sessionId ? (
          <SessionView key={sessionId} token={token} sessionId={sessionId} />
        ) : (
          <>
            <SessionList token={token} />
            <ImprovementsSection token={token} />
          </>
        )}
      </main>
    </div>
  );
}
