/**
 * Hash routes. Everything lives in one static page the host serves; the part after '#' picks the
 * screen, and never reaches the server (so secrets stay out of request lines and logs).
 *
 *   #token=<facilitatorToken>  browser facilitator: the token moves to sessionStorage and the hash
 *                              is stripped at once (app/facilitator-token.ts), then as ''.
 *   ''  (no hash)              facilitator → session list;
 *                              participant who joined before → #board=<their session>;
 *                              anyone else → join with code.
 *   #code                      join with the six-digit code (also "join another meeting").
 *   #join=<secret>             join by link / QR code: shows the session title, then name and role.
 *   #board=<sessionId>         participant board (membership stored in localStorage).
 *   #s=<sessionId>             facilitator: one session, live (needs the facilitator token).
 *   #projector=<sessionId>     the room's big screen for one session (needs the facilitator token;
 *                              opened in a new window from the session view).
 *   #improvement=<id>          facilitator: one improvement (förbättringsarbete), no session needed.
 *
 * In Electron the token comes from `window.samskapaShell.facilitatorToken()` instead of the URL.
 */
import { lazy, Suspense, useEffect } from 'react';
import { FacilitatorHelp } from '../features/help/facilitator-help';
import { SessionWindowTitle } from '../features/help/session-window-title';
import { JoinPage, type JoinMode } from '../features/join/join-page';
import { ParticipantApp } from '../features/participant/participant-app';
import { currentParticipantSession, loadParticipantSession } from '../storage/participant-session';
import { Loading } from '../ui/spinner';
import { useDocumentTitle } from '../ui/use-document-title';
import { navigate, parseRoute, useHash, type Route } from './route-state';

const FacilitatorApp = lazy(() => import('../features/facilitator/facilitator-app'));
const ProjectorApp = lazy(() => import('../features/projector/projector-app'));

const CODE_MODE: JoinMode = { kind: 'code' };

function Redirect({ to }: { readonly to: Route }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

/** "Samskapa – <session>" on the participant's board (the title they joined with). */
function BoardWindowTitle({ sessionId }: { readonly sessionId: string }) {
  useDocumentTitle(loadParticipantSession(sessionId)?.sessionTitle ?? null);
  return null;
}

export function AppRoutes({ facilitatorToken }: { readonly facilitatorToken: string | null }) {
  const route = parseRoute(useHash());
  switch (route.name) {
    case 'join-link':
      return <JoinPage key={route.secret} mode={{ kind: 'link', secret: route.secret }} />;
    case 'join-code':
      return <JoinPage key="code" mode={CODE_MODE} />;
    case 'board':
      return (
        <>
          <BoardWindowTitle sessionId={route.sessionId} />
          <ParticipantApp key={route.sessionId} sessionId={route.sessionId} />
        </>
      );
    case 'projector':
      if (!facilitatorToken) return <JoinPage key="code" mode={CODE_MODE} />;
      return (
        <Suspense fallback={<Loading />}>
          <ProjectorApp key={route.sessionId} token={facilitatorToken} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'session':
    case 'improvement':
    case 'home': {
      if (facilitatorToken) {
        return (
          <FacilitatorHelp>
            {route.name === 'session' ? (
              <SessionWindowTitle token={facilitatorToken} sessionId={route.sessionId} />
            ) : null}
            <Suspense fallback={<Loading />}>
              <FacilitatorApp
                token={facilitatorToken}
                sessionId={route.name === 'session' ? route.sessionId : null}
                improvementId={route.name === 'improvement' ? route.improvementId : null}
              />
            </Suspense>
          </FacilitatorHelp>
        );
      }
      const joined = currentParticipantSession();
      if (joined) return <Redirect to={{ name: 'board', sessionId: joined.sessionId }} />;
      return <JoinPage key="code" mode={CODE_MODE} />;
    }
  }
}
