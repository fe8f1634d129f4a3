import { useCallback, useId, useMemo, useState } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import type { PresenceUser } from '../../../core/presence';
import { addNote } from '../../../core/workshop/board';
import { getSession } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { useNotes, useSessionInfo } from '../../sync/use-doc-selector';
import { usePresence } from '../../sync/use-presence';
import { useConnectionState, useSessionConnection } from '../../sync/use-session-connection';
import type { SessionConnection } from '../../sync/provider';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { ConnectionStatusLine } from '../board/connection-status';
import { NoteComposer } from '../board/note-composer';
import { NotesList } from '../board/notes-list';
import { PresencePanel } from '../board/presence-panel';
import { ShareControls } from './share-controls';
import { useAsync } from './use-async';

const FACILITATOR: PresenceUser = { name: null, role: 'facilitator', participantId: null };

/** One session, live: the board in the middle, the room (who is here, the join code) at the side. */
export function SessionView({ token, sessionId }: { readonly token: string; readonly sessionId: string }) {
  const t = useT();
  const load = useCallback(() => getSession(token, sessionId), [token, sessionId]);
  const [summary] = useAsync(load);
  const connection = useSessionConnection(sessionId, token, FACILITATOR);

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
        <p>{summary.value.status === 'corrupt' ? t('sessions.corrupt') : t('sessions.tooNew')}</p>
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
  const notesHeading = useId();
  const info = useSessionInfo(connection.control);
  const notes = useNotes(connection.board);
  const people = usePresence(connection.awareness);
  const state = useConnectionState(connection);
  const [share, setShare] = useState<ShareResponse | null>(null);
  const title = info?.title ?? fallbackTitle;
  const send = useCallback(
    (text: string) => addNote(connection.board, text, { role: 'facilitator', anonymous: false }),
    [connection],
  );
  const sessionId = connection.sessionId;
  const controls = useMemo(
    () => ({ token, sessionId, title, initiallyShared }),
    [token, sessionId, title, initiallyShared],
  );

  return (
    <>
      <div className="row-between session-head">
        <div>
          <h1>{title}</h1>
          <ConnectionStatusLine status={state.status} />
        </div>
        <ShareControls {...controls} share={share} onShareChange={setShare} />
      </div>
      <div className="cockpit">
        <div className="cockpit-main stack">
          <NoteComposer
            draftScope={`${sessionId}:facilitator`}
            onSend={send}
            online={state.status === 'connected'}
            size="normal"
            hint="device"
          />
          <NotesList notes={notes} headingId={notesHeading} layout="grid" />
        </div>
        <aside className="cockpit-side stack" aria-label={t('sessions.roomHeading')}>
          <PresencePanel people={people} />
        </aside>
      </div>
    </>
  );
}
