import { useT } from '../../i18n';
import { AppHeader } from '../../ui/app-header';
import { SessionList } from './session-list';
import { SessionView } from './session-view';

export interface FacilitatorAppProps {
  readonly token: string;
  /** null: the session list; otherwise the session to show. */
  readonly sessionId: string | null;
}

/** The facilitator's screens (loaded lazily: participants' phones never download them). */
export default function FacilitatorApp({ token, sessionId }: FacilitatorAppProps) {
  const t = useT();
  return (
    <div className="facilitator">
      <AppHeader wide>
        {sessionId ? (
          <a className="btn btn-quiet" href="#">
            {t('sessions.back')}
          </a>
        ) : null}
      </AppHeader>
      <main id="main" className="page page-wide stack" tabIndex={-1}>
        {sessionId ? (
          <SessionView key={sessionId} token={token} sessionId={sessionId} />
        ) : (
          <SessionList token={token} />
        )}
      </main>
    </div>
  );
}
