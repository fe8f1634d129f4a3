import { useCallback, useMemo, useState } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import type { PresenceUser } from '../../../core/presence';
import { getSession } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { useSessionInfo } from '../../sync/use-doc-selector';
import { usePresence } from '../../sync/use-presence';
import { useConnectionState, useSessionConnection } from '../../sync/use-session-connection';
import type { SessionConnection } from '../../sync/provider';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { AgendaEditor } from '../agenda/agenda-editor';
import { ConnectionStatusLine } from '../board/connection-status';
import { GroupsPanel } from '../groups/groups-panel';
import { ProjectorControls } from '../run/projector-controls';
import { RunCockpit } from '../run/run-cockpit';
import { UndoButton } from '../run/undo-button';
import { useUndoHistory, useUndoShortcut } from '../run/use-undo-history';
import { useRunState } from '../steps/use-workshop';
import { SafetyPanels } from '../safety/safety-panels';
import { ImprovementsJumpButton, SessionImprovements } from '../improvements/session-improvements';
import { ExportButton } from '../exports/export-dialog';
import { ModeTabs, type Mode } from './mode-tabs';
import { ShareControls } from './share-controls';
import { useAsync } from './use-async';

const FACILITATOR: PresenceUser = { name: null, role: 'facilitator', participantId: null };
const WITH_VAULT = { vault: true } as const;

/** One session, live: a cockpit with two modes, "Planera" (agenda, groups) and "Genomför" (run). */
export function SessionView({ token, sessionId }: { readonly token: string; readonly sessionId: string }) {
  const t = useT();
  const load = useCallback(() => getSession(token, sessionId), [token, sessionId]);
  const [summary] = useAsync(load);
  const connection = useSessionConnection(sessionId, token, FACILITATOR, WITH_VAULT);

  if (summary.kind === 'loading') return <Loading />;
  if (summary.kind === 'error') {
    return (
      <Notice tone="error" role="alert">
        <p>{t(`error.${summary.code}`)}</p>
      </Notice>
    );
  }
  if (summary.value.status !== 'ok') {
    return (
      <Notice tone="warning" role="alert">
        <p>{summary.value.status === 'corrupt' ? t('sessions.corrupt') : summary.value.status === 'read-only' ? t('sessions.readOnly') : t('sessions.tooNew')}</p>
      </Notice>
    );
  }
  return connection ? (
    <LiveSession
      token={token}
      connection={connection}
      fallbackTitle={summary.value.title}
      initiallyShared={summary.value.shared}
    />
  ) : (
    <Loading />
  );
}

interface LiveSessionProps {
  readonly token: string;
  readonly connection: SessionConnection;
  readonly fallbackTitle: string;
  readonly initiallyShared: boolean;
}

function LiveSession({ token, connection, fallbackTitle, initiallyShared }: LiveSessionProps) {
  const t = useT();
  const info = useSessionInfo(connection.control);
  const people = usePresence(connection.awareness);
  const state = useConnectionState(connection);
  const run = useRunState(connection.control);
  const [share, setShare] = useState<ShareResponse | null>(null);
  const [mode, setMode] = useState<Mode>('run');
  const history = useUndoHistory(token, connection);
  useUndoShortcut(history.undo);
  const title = info?.title ?? fallbackTitle;
  const sessionId = connection.sessionId;
  const controls = useMemo(
    () => ({ token, sessionId, title, initiallyShared }),
    [token, sessionId, title, initiallyShared],
  );
  const participants = useMemo(
    () =>
      people
        .filter((p) => p.user.role !== 'facilitator')
        .map((p) => ({ id: p.user.participantId ?? p.key, name: p.user.name, role: p.user.role })),
    [people],
  );

  return (
    <div className="session-cockpit stack">
      <div className="row-between session-head">
        <div>
          <h1>{title}</h1>
          <ConnectionStatusLine status={state.status} />
        </div>
        <ShareControls {...controls} share={share} onShareChange={setShare} />
      </div>
      {state.ready || state.status === 'closed' ? (
        <ModeTabs
          mode={mode}
          onChange={setMode}
          extra={
            <div className="row mode-tabs-extra">
              <UndoButton undo={history.undo} />
              <ImprovementsJumpButton />
              <ProjectorControls sessionId={sessionId} shared={share !== null} />
              <ExportButton token={token} sessionId={sessionId} control={connection.control} />
            </div>
          }
          plan={
            <div className="plan-layout">
              <AgendaEditor control={connection.control} currentStepId={run.currentStepId} sessionId={connection.sessionId} />
              <GroupsPanel control={connection.control} people={participants} />
              <SafetyPanels token={token} sessionId={sessionId} />
            </div>
          }
          run={
            <RunCockpit
              token={token}
              connection={connection}
              people={people}
              online={state.status === 'connected'}
              active={mode === 'run'}
              onPlan={() => setMode('plan')}
              history={history}
            />
          }
        />
      ) : (
        // Until the agenda has arrived there is nothing to plan or run (a key pressed on an empty
        // agenda would do nothing): usually a few milliseconds, from the host on this laptop.
        <Loading label={t('sessions.opening')} />
      )}
      <SessionImprovements token={token} sessionId={sessionId} />
    </div>
  );
}
