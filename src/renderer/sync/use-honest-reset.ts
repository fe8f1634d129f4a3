import { useCallback, useEffect, useRef, useState } from 'react';
import { CLOSE_CODES } from '../../contracts/sync';
import { putNote, selectNotes, type Note } from '../../core/workshop/board';
import { fetchRetiredLineage } from '../api/participant-api';
import type { PresenceUser } from '../../core/presence';
import type { SessionConnection } from './provider';
import { holdNotes, notAccepted, unsentAfterRenewal, type HeldNote } from './refused-notes';
import { useConnectionState, useSessionConnection } from './use-session-connection';

/** A second refusal this soon after a reset is not looped on: the person decides (Försök igen). */
const RESET_QUIET_MS = 60_000;

export type Refusal =
  /** The host refused; the device's copy is being thrown away and the host's board fetched. */
  | { readonly phase: 'resetting' }
  /** Reset done: the board is the host's; `notes` are the person's words the host did not take. */
  | { readonly phase: 'reset'; readonly notes: readonly Note[] };

export interface HonestConnection {
  readonly connection: SessionConnection | null;
  readonly refusal: Refusal | null;
  /**
   * The host refused again soon after a reset: the connection stays closed and the person is
   * offered a manual retry (RefusedWrite). Until then a 4403 close is this hook's to handle.
   */
  readonly stopped: boolean;
  dismissRefusal(): void;
}

/**
 * A participant's session connection that answers a refused write (close 4403) honestly.
 *
 * Why: an offline phone keeps its edits in IndexedDB and sends them when it reconnects. If the
 * host refuses them (the step was locked or moved on meanwhile), sending them again would be
 * refused again, forever. So, once: remember the notes this device held, throw its copy of the
 * board away, open the session afresh (the board is then exactly the host's), and hand the person
 * the words the host never accepted, to copy or send again. A second refusal within a minute is
 * left closed (the stock client's 44xx closes are final) for the person to retry by hand.
 */
export interface HonestOptions {
  /** Which notes are this person's own (only those are ever shown back to them). */
  readonly isMine: (note: Note) => boolean;
  /** Called with the words not accepted, on the fresh connection, before they are shown. */
  readonly onNotAccepted?: (notes: readonly Note[], connection: SessionConnection) => void;
}

export function useHonestConnection(sessionId: string, token: string, user: PresenceUser, options: HonestOptions): HonestConnection {
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [stopped, setStopped] = useState(false);
  /**
   * The device's notes when its copy was refused as one of an earlier lineage (4409), with the
   * state vector that lineage ended with on the host (null if the host could not be asked).
   */
  const heldAtRenewal = useRef<{ notes: HeldNote[]; retired: Promise<Uint8Array | null> } | null>(null);
  const connection = useSessionConnection(sessionId, token, user, { generation }, (old) => {
    heldAtRenewal.current = {
      notes: holdNotes(old.board),
      retired: fetchRetiredLineage(sessionId, 'board', token).catch(() => null),
    };
  });
  const state = useConnectionState(connection);
  const held = useRef<HeldNote[] | null>(null);
  /** The connection that was refused: its board is the device's old copy, not the host's. */
  const refusedConnection = useRef<SessionConnection | null>(null);
  const lastReset = useRef(Number.NEGATIVE_INFINITY);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const refused = state.status === 'closed' && state.closeCode === CLOSE_CODES.forbidden;
  useEffect(() => {
    if (!connection || !refused || held.current) return;
    const now = Date.now();
    if (now - lastReset.current < RESET_QUIET_MS) {
      setStopped(true);
      return;
    }
    lastReset.current = now;
    refusedConnection.current = connection;
    held.current = holdNotes(connection.board);
    setRefusal({ phase: 'resetting' });
    void connection
      .discardLocalBoard()
      .catch(() => undefined)
      .then(() => setGeneration((g) => g + 1));
  }, [connection, refused]);

  // Once the fresh connection holds the host's board: what of the held notes did the host never get?
  useEffect(() => {
    if (!connection || !held.current || connection === refusedConnection.current) return;
    let current = true;
    void connection.whenBoardSynced().then(() => {
      if (!current || !held.current) return;
      const notes = notAccepted(held.current, connection.board, optionsRef.current.isMine);
      held.current = null;
      optionsRef.current.onNotAccepted?.(notes, connection);
      refusedConnection.current = null;
      setRefusal({ phase: 'reset', notes });
    });
    return () => {
      current = false;
    };
  }, [connection, generation]);

  // After a renewal (4409): the person's words that never reached the host go to the fresh board,
  // unasked. If the host could not say where the old lineage ended, the person decides instead:
  // their notes the fresh board lacks are shown as words that did not get through.
  useEffect(() => {
    const renewal = heldAtRenewal.current;
    if (!connection || !renewal) return;
    let current = true;
    void Promise.all([connection.whenBoardSynced(), renewal.retired]).then(([, retired]) => {
      if (!current || heldAtRenewal.current !== renewal) return;
      heldAtRenewal.current = null;
      const { isMine, onNotAccepted } = optionsRef.current;
      if (retired) {
        for (const note of unsentAfterRenewal(renewal.notes, retired, isMine)) putNote(connection.board, note, 'local');
        return;
      }
      const onHost = new Set(selectNotes(connection.board).map((n) => n.id));
      const notes = renewal.notes.map((h) => h.note).filter((n) => isMine(n) && !onHost.has(n.id));
      if (notes.length === 0) return;
      onNotAccepted?.(notes, connection);
      setRefusal({ phase: 'reset', notes });
    });
    return () => {
      current = false;
    };
  }, [connection]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { connection, refusal, stopped: stopped && refused, dismissRefusal };
}
