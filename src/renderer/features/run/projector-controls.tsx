import { routeHash } from '../../app/route-state';
import { useT } from '../../i18n';
import { useJoinVisible } from '../projector/join-visibility';

/**
 * "Öppna projektorvy" opens the room's big screen in a new window (the facilitator's token goes
 * along in sessionStorage, which a window opened this way inherits), and whether it shows the
 * join code.
 */
export function ProjectorControls({ sessionId, shared }: { readonly sessionId: string; readonly shared: boolean }) {
  const t = useT();
  const [joinShown, setJoinShown] = useJoinVisible(sessionId);
  function open(): void {
    const url = `${window.location.pathname}${window.location.search}${routeHash({ name: 'projector', sessionId })}`;
    window.open(url, `samskapa-projector-${sessionId}`);
  }
  return (
    <div className="row projector-controls">
      <button type="button" className="btn btn-secondary" onClick={open}>
        {t('run.openProjector')}
      </button>
      {shared ? (
        <button type="button" className="btn btn-quiet" aria-pressed={joinShown} onClick={() => setJoinShown(!joinShown)}>
          {t('run.projectorJoin')}
        </button>
      ) : null}
    </div>
  );
}
