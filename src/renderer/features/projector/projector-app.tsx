import { useEffect, useMemo } from 'react';
import type { PresenceUser } from '../../../core/presence';
import { useT } from '../../i18n';
import { useNotes, useSessionInfo } from '../../sync/use-doc-selector';
import { usePresence } from '../../sync/use-presence';
import { useSessionConnection } from '../../sync/use-session-connection';
import type { SessionConnection } from '../../sync/provider';
import { Loading } from '../../ui/spinner';
import { summarizeAnswered } from '../run/answered-summary';
import { StepTimer } from '../steps/step-timer';
import { useAnswered, useCurrentStep, useRunState } from '../steps/use-workshop';
import { FullscreenButton } from './fullscreen-button';
import { useJoinVisible } from './join-visibility';
import { ProjectorJoin } from './projector-join';
import { ProjectorStep } from './projector-step';
import { useSharePoll } from './use-share-poll';
import './projector.css';

const FACILITATOR: PresenceUser = { name: null, role: 'facilitator', participantId: null };
const SILENT = { presence: false } as const;

export interface ProjectorAppProps {
  readonly token: string;
  readonly sessionId: string;
}

/**
 * `#projector=<sessionId>`: the room's big screen. Dark, huge type, nothing to click: the session,
 * the current question and timer, the way in while the session is open, then what the room wrote,
 * grouped or ranked. It follows the facilitator's run live and never shows itself in presence.
 */
export default function ProjectorApp({ token, sessionId }: ProjectorAppProps) {
  const connection = useSessionConnection(sessionId, token, FACILITATOR, SILENT);
  useEffect(() => {
    document.documentElement.classList.add('projector-root');
    return () => document.documentElement.classList.remove('projector-root');
  }, []);
  return (
    <main id="main" className="projector theme-dark" tabIndex={-1}>
      {connection ? <ProjectorScreen token={token} connection={connection} /> : <Loading />}
    </main>
  );
}

function ProjectorScreen({ token, connection }: { readonly token: string; readonly connection: SessionConnection }) {
  const t = useT();
  const info = useSessionInfo(connection.control);
  const step = useCurrentStep(connection.control);
  const run = useRunState(connection.control);
  const share = useSharePoll(token, connection.sessionId);
  const [joinShown] = useJoinVisible(connection.sessionId);
  const people = usePresence(connection.awareness);
  const notes = useNotes(connection.board);
  const answeredIds = useAnswered(connection.control, step?.id ?? null);
  const participants = people.filter((p) => p.user.role !== 'facilitator');
  const answered = useMemo(() => summarizeAnswered(answeredIds, participants.map((p) => p.user)), [answeredIds, participants]);
  const title = info?.title ?? '';
  const join = share && joinShown ? <ProjectorJoin share={share} title={title} compact={step !== null} /> : null;

  useEffect(() => {
    document.title = title ? t('projector.windowTitle', { title }) : t('app.name');
  }, [title, t]);

  return (
    <div className={step ? 'projector-layout has-step' : 'projector-layout'}>
      <header className="projector-top">
        {/* The button sits in the header row, not over the content: fixed in a corner it covered the third result on a 1280×720 projector. */}
        <div className="projector-top-start">
          <p className="projector-session">{title}</p>
          <FullscreenButton />
        </div>
        {step && (step.minutes > 0 || run.timer.status !== 'idle') ? <StepTimer timer={run.timer} size="huge" speak="none" /> : null}
      </header>
      {step ? (
        <div className="projector-body">
          <div className="projector-main">
            <h1 className="projector-question" data-testid="current-step-title">{step.title}</h1>
            {step.instructions ? <p className="projector-instructions">{step.instructions}</p> : null}
            {run.locked ? <p className="projector-locked">{t('projector.locked')}</p> : null}
            <ProjectorStep connection={connection} step={step} run={run} />
          </div>
          {join || run.showAnswered ? (
            <aside className="projector-side">
              {join}
              {run.showAnswered ? (
                <div className="projector-answered" data-testid="projector-answered">
                  <p className="projector-fact">{t('projector.answered', { count: answered.total, of: participants.length })}</p>
                  {answered.names.length > 0 ? <p>{answered.names.join(', ')}</p> : null}
                </div>
              ) : null}
            </aside>
          ) : null}
        </div>
      ) : (
        <div className="projector-welcome">
          <h1 className="projector-question">{title}</h1>
          {join ?? <p className="projector-instructions">{t('projector.notShared')}</p>}
          {share ? <p className="projector-fact">{t('projector.here', { count: participants.length })}</p> : null}
          {!join && notes.length > 0 ? <p className="projector-fact">{t('projector.notesSoFar', { count: notes.length })}</p> : null}
        </div>
      )}
    </div>
  );
}
