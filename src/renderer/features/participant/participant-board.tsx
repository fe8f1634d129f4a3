import { useCallback, useEffect, useId, useMemo } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import { CLOSE_CODES } from '../../../contracts/sync';
import type { PresenceUser } from '../../../core/presence';
import { addNote } from '../../../core/workshop/board';
import { navigate } from '../../app/route-state';
import { useT } from '../../i18n';
import { leaveCurrentSession, type ParticipantSession } from '../../storage/participant-session';
import { useNotes, useSessionInfo } from '../../sync/use-doc-selector';
import { usePresence } from '../../sync/use-presence';
import { useConnectionState, useSessionConnection } from '../../sync/use-session-connection';
import type { SessionConnection } from '../../sync/provider';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/spinner';
import { Notice } from '../../ui/notice';
import { ParticipantStep } from '../steps/participant-step';
import { RefusedWrite } from '../steps/refused-write';
import { rememberSend } from '../steps/recent-sends';
import { authorOf, stepDraftScope } from '../steps/step-context';
import { useCurrentStep, useRunState } from '../steps/use-workshop';
import { ConnectionStatusLine } from '../board/connection-status';
import { NoteComposer } from '../board/note-composer';
import { NotesList } from '../board/notes-list';
import { PresencePanel } from '../board/presence-panel';
import { ParticipantFrame } from './participant-frame';
import { signOutParticipant } from './sign-out';

/** The participant's one screen: the question area, their field, what others wrote, who is here. */
export function ParticipantBoard({ record }: { readonly record: ParticipantSession }) {
  const user = useMemo<PresenceUser>(
    () => ({ name: record.name, role: record.role, participantId: record.participantId }),
    [record],
  );
  const connection = useSessionConnection(record.sessionId, record.token, user);
  return (
    <ParticipantFrame>
      {connection ? <BoardContent connection={connection} record={record} /> : <Loading />}
    </ParticipantFrame>
  );
}

function BoardContent({
  connection,
  record,
}: {
  readonly connection: SessionConnection;
  readonly record: ParticipantSession;
}) {
  const t = useT();
  const ti = useInstructions();
  const notesHeading = useId();
  const info = useSessionInfo(connection.control);
  const notes = useNotes(connection.board);
  const people = usePresence(connection.awareness);
  const state = useConnectionState(connection);
  const step = useCurrentStep(connection.control);
  const run = useRunState(connection.control);
  const send = useCallback(
    (text: string) => {
      rememberSend(text);
      addNote(connection.board, text, authorOf(record));
    },
    [connection, record],
  );

  const refused = state.status === 'closed' && state.closeCode === CLOSE_CODES.unauthorized;
  useEffect(() => {
    if (refused) signOutParticipant(record.sessionId);
  }, [refused, record.sessionId]);
  if (refused) return <Loading />;

  const forbidden = state.status === 'closed' && state.closeCode === CLOSE_CODES.forbidden;
  const closedNotice = forbidden ? (
    <RefusedWrite connection={connection} draftScope={stepDraftScope(record, step?.id ?? null)} />
  ) : (
    <ClosedNotice code={state.closeCode} />
  );

  if (step) {
    return (
      <>
        {state.status === 'closed' ? closedNotice : null}
        <ParticipantStep
          connection={connection}
          record={record}
          step={step}
          run={run}
          online={state.status === 'connected'}
        />
        {state.status === 'closed' ? null : <ConnectionStatusLine status={state.status} />}
      </>
    );
  }

  return (
    <>
      <div>
        <h1>{info?.title ?? record.sessionTitle}</h1>
        {record.anonymous ? (
          <Notice tone="info">
            <p>{ti('board.anonymousNotice')}</p>
          </Notice>
        ) : (
          <p className="muted">
            {t('board.namedNotice', { name: record.name ?? '', role: t(`role.${record.role}`) })}
          </p>
        )}
      </div>
      {state.status === 'closed' ? (
        closedNotice
      ) : (
        <>
          <ConnectionStatusLine status={state.status} />
          <NoteComposer
            draftScope={`${record.sessionId}:${record.participantId}`}
            onSend={send}
            online={state.status === 'connected'}
          />
        </>
      )}
      <NotesList notes={notes} ownId={record.pseudonym} headingId={notesHeading} />
      {state.status === 'connected' ? <PresencePanel people={people} /> : null}
    </>
  );
}

function ClosedNotice({ code }: { readonly code: number | null }) {
  const t = useT();
  const closed = code === CLOSE_CODES.sessionClosed;
  const removed = code === CLOSE_CODES.removed;
  return (
    <Notice
      tone={closed ? 'success' : 'warning'}
      role="status"
      title={closed ? t('connection.closedTitle') : removed ? t('safety.phoneRemoved.title') : t('connection.notFound')}
    >
      {closed ? <p>{t('connection.closedBody')}</p> : null}
      {removed ? <p>{t('safety.phoneRemoved.body')}</p> : null}
      <Button
        variant="secondary"
        onClick={() => {
          leaveCurrentSession();
          navigate({ name: 'join-code' });
        }}
      >
        {t('connection.joinAnother')}
      </Button>
    </Notice>
  );
}
