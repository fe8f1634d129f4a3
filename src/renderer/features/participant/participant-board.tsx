import { useCallback, useEffect, useId, useMemo } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import { CLOSE_CODES } from '../../../contracts/sync';
import type { PresenceUser } from '../../../core/presence';
import { addNote, type Note } from '../../../core/workshop/board';
import { selectRunState } from '../../../core/workshop/run-state';
import { navigate } from '../../app/route-state';
import { useT } from '../../i18n';
import { leaveCurrentSession, type ParticipantSession } from '../../storage/participant-session';
import { useNotes, useSessionInfo } from '../../sync/use-doc-selector';
import { usePresence } from '../../sync/use-presence';
import { useConnectionState } from '../../sync/use-session-connection';
import { useHonestConnection, type Refusal } from '../../sync/use-honest-reset';
import type { SessionConnection } from '../../sync/provider';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/spinner';
import { Notice } from '../../ui/notice';
import { ParticipantStep } from '../steps/participant-step';
import { NotAcceptedNotice, RefusedWrite, keepAsDraft } from '../steps/refused-write';
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
  const t = useT();
  const honest = useMemo(
    () => ({
      isMine: (note: Note) => isOwnNote(note, record),
      // Back into the writing box of the step now running, to send once it opens again.
      onNotAccepted: (notes: readonly Note[], fresh: SessionConnection) =>
        keepAsDraft(stepDraftScope(record, selectRunState(fresh.control).currentStepId), notes.map((n) => n.text).join('\n\n')),
    }),
    [record],
  );
  const { connection, refusal, stopped, dismissRefusal } = useHonestConnection(record.sessionId, record.token, user, honest);
  return (
    <ParticipantFrame>
      {connection && refusal?.phase !== 'resetting' ? (
        <BoardContent connection={connection} record={record} refusal={refusal} stopped={stopped} onDismissRefusal={dismissRefusal} />
      ) : refusal?.phase === 'resetting' ? (
        <Notice tone="info" role="status">
          <p>{t('steps.refused.resetting')}</p>
        </Notice>
      ) : (
        <Loading />
      )}
    </ParticipantFrame>
  );
}

/** My own notes: a named one by my pseudonym (or, from before pseudonyms, my id); an anonymous one by my role. */
function isOwnNote(note: Note, record: ParticipantSession): boolean {
  if (note.authorRole !== record.role || note.anonymous !== record.anonymous) return false;
  return note.anonymous || note.authorId === record.pseudonym || note.authorId === record.participantId;
}

function BoardContent({
  connection,
  record,
  refusal,
  stopped,
  onDismissRefusal,
}: {
  readonly connection: SessionConnection;
  readonly record: ParticipantSession;
  readonly refusal: Refusal | null;
  /** Refused again right after a reset: offer the manual retry instead of resetting once more. */
  readonly stopped: boolean;
  readonly onDismissRefusal: () => void;
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
  // Until the step that is running has arrived, the free board would show (and take a note the host
  // refuses for not being in the running step): on slow Wi-Fi that can be seconds.
  if (!state.ready && state.status !== 'closed') return <Loading label={t('sessions.opening')} />;

  const notAccepted =
    refusal?.phase === 'reset' ? (
      <NotAcceptedNotice
        texts={refusal.notes.map((n) => n.text)}
        onDismiss={onDismissRefusal}
      />
    ) : null;
  const forbidden = state.status === 'closed' && state.closeCode === CLOSE_CODES.forbidden;
  // A refusal is first answered by the honest reset (useHonestConnection); only a second one soon
  // after leaves the person to retry by hand.
  const closedNotice = forbidden && !stopped ? (
    <Notice tone="info" role="status">
      <p>{t('steps.refused.resetting')}</p>
    </Notice>
  ) : forbidden ? (
    <RefusedWrite connection={connection} draftScope={stepDraftScope(record, step?.id ?? null)} />
  ) : (
    <ClosedNotice code={state.closeCode} />
  );

  if (step) {
    return (
      <>
        {notAccepted}
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
      {notAccepted}
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
  if (code === CLOSE_CODES.staleCopy) {
    // A second 4409 within a minute of renewing the copies (provider.ts): a reload starts clean.
    return (
      <Notice tone="warning" role="status" title={t('connection.staleTitle')}>
        <p>{t('connection.staleBody')}</p>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t('connection.reload')}
        </Button>
      </Notice>
    );
  }
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
