import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import { isDocName } from '../../core/workshop/doc-names';
import type { DocName } from '../../core/workshop/doc-names';
import { CLOSE_CODES } from '../../contracts/sync';
import type { Authenticator } from '../auth/authenticator';
import { mayRead, mayWrite, presenceOf } from '../auth/identity';
import type { Identity } from '../auth/identity';
import type { LiveSession } from '../sessions/live-session';
import type { SessionManager } from '../sessions/session-manager';
import type { ShareService } from '../sharing/share-service';
import { isLoopback } from '../sharing/network';
import { ConnectionCounter, LIMITS, RateBucket } from './limits';
import type { Limits } from './limits';
import { decodeMessage } from './protocol';
import { requestUrl } from '../http/request-url';
import type { RoomConnection } from './room';
import type { WriteQueue } from './write-queue';
import { checkBoardWrites } from '../rules/board-rules';
import { FACILITATOR_OWNER } from '../rules/client-owners';
import { readUpdate } from '../rules/update-reader';
import type { DecodedUpdate, UpdateReading } from '../rules/update-reader';
import { answeredStep, recordAnswered } from '../sessions/answered';

/** Largest single message accepted (a pasted long text is a few KB; a full first sync can be MBs). */
export const MAX_MESSAGE_BYTES = LIMITS.facilitatorMessageBytes;
const PING_INTERVAL_MS = 30_000;
const STALE_COPY_REASON = 'this device holds an earlier copy of the session; it fetches the current one';

interface SyncServerOptions {
  readonly manager: SessionManager;
  readonly shares: ShareService;
  readonly auth: Authenticator;
  readonly writes: WriteQueue;
  readonly limits: Limits;
  readonly log: (line: string) => void;
}

/**
 * `ws://HOST/sync/<sessionId>/<doc>?token=…`, the y-websocket protocol, with the host's rules:
 * a connection is authenticated before it sees anything; every update is checked against the
 * connection's rights, validated, stored, and only then applied and relayed.
 */
export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly pinger: NodeJS.Timeout;
  private readonly perAddress = new ConnectionCounter();
  private readonly perSession = new ConnectionCounter();
  /** Whether each socket answered the last ping; one that did not is dropped at the next. */
  private readonly answeredPing = new WeakMap<WebSocket, boolean>();

  constructor(private readonly options: SyncServerOptions) {
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** For `server.on('upgrade')`: takes `/sync/...` requests, refuses everything else. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = requestUrl(request.url);
    const match = /^\/sync\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      // The upgrade completes first so the browser can read why it is refused from the close code.
      // A malformed escape ("%ff") throws in decodeURIComponent; uncaught, it would end the host.
      const sessionId = decodePathSegment(match[1] ?? '');
      const doc = decodePathSegment(match[2] ?? '');
      if (sessionId === null || doc === null) return ws.close(CLOSE_CODES.notFound, 'no such session or document');
      this.accept(ws, sessionId, doc, url.searchParams.get('token') ?? '', request.socket.remoteAddress ?? 'unknown');
    });
  };

  private accept(ws: WebSocket, sessionId: string, docName: string, token: string, address: string): void {
    // Counted before anything else: a flood of sockets from one LAN device is refused whoever it is.
    const limits = this.options.limits;
    const exempt = limits.exemptLoopback && isLoopback(address);
    if (!exempt && this.perAddress.count(address) >= limits.connectionsPerAddress) {
      return ws.close(CLOSE_CODES.tooMany, 'too many connections from this device');
    }
    const releaseAddress = this.perAddress.add(address);
    ws.once('close', releaseAddress);
    const identity = this.options.auth.identify(token);
    if (!identity) return ws.close(CLOSE_CODES.unauthorized, 'a valid token is needed');
    if (!isDocName(docName)) return ws.close(CLOSE_CODES.notFound, 'no such document');
    if (!mayRead(identity, sessionId, docName)) return ws.close(CLOSE_CODES.forbidden, 'not readable with this token');
    let session: LiveSession;
    try {
      session = this.options.manager.open(sessionId);
    } catch (error) {
      const code = error instanceof DomainError && error.code === 'not-found' ? CLOSE_CODES.notFound : CLOSE_CODES.storageFailed;
      return ws.close(code, error instanceof DomainError ? error.code : 'session-unavailable');
    }
    if (identity.kind === 'participant' && !this.options.shares.isShared(sessionId)) {
      return ws.close(CLOSE_CODES.sessionClosed, 'the session is not open to participants');
    }
    if (this.perSession.count(sessionId) >= this.options.limits.connectionsPerSession) {
      return ws.close(CLOSE_CODES.tooMany, 'the session has too many connections');
    }
    ws.once('close', this.perSession.add(sessionId));
    this.connect(ws, session, docName, identity);
  }

  private connect(ws: WebSocket, session: LiveSession, docName: DocName, identity: Identity): void {
    const room = session.rooms[docName];
    const connection: RoomConnection = {
      isParticipant: identity.kind === 'participant',
      participantId: identity.kind === 'participant' ? identity.participant.id : null,
      send: (message) => {
        if (ws.readyState === ws.OPEN) ws.send(message);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    const refuse = (code: number, reason: string): void => {
      room.leave(connection);
      ws.close(code, reason);
    };
    this.answeredPing.set(ws, true);
    ws.on('pong', () => this.answeredPing.set(ws, true));
    const { limits } = this.options;
    const bucket = new RateBucket(limits.messagesPerSecond, limits.messageBurst);
    const echoes = new RateBucket(limits.messagesPerSecond * 10, limits.messageBurst * 10);
    const maxBytes = identity.kind === 'facilitator' ? limits.facilitatorMessageBytes : limits.participantMessageBytes;
    ws.on('message', (data, isBinary) => {
      // Once closing (refused, removed, session closed), the rest of what the client had sent is
      // ignored: it left the room, so presence it set now would outlive it, unowned.
      if (ws.readyState !== ws.OPEN) return;
      if (!isBinary) return refuse(CLOSE_CODES.badMessage, 'binary y-websocket messages only');
      const bytes = toUint8Array(data);
      if (bytes.length > maxBytes) return refuse(CLOSE_CODES.tooLarge, 'message too large');
      // The facilitator is the trusted operator (bulk edits, imports); only participants are paced.
      let message;
      try {
        message = decodeMessage(bytes);
      } catch {
        return refuse(CLOSE_CODES.badMessage, 'not a y-websocket message');
      }
      // The stock client echoes every presence change it hears, others' too; those echoes are
      // paced by a separate, wider bucket so an honest phone in a busy room is never cut off.
      const paced = message.kind === 'awareness' ? echoes : bucket;
      if (identity.kind === 'participant' && !paced.take()) return refuse(CLOSE_CODES.tooMany, 'too many messages per second');
      switch (message.kind) {
        case 'sync-step1':
          // A malformed state vector throws while the answer is encoded; uncaught, it would end the host.
          try {
            if (session.isStaleCopy(docName, message.stateVector)) return refuse(CLOSE_CODES.staleCopy, STALE_COPY_REASON);
            room.answerSyncStep1(connection, message.stateVector);
          } catch {
            refuse(CLOSE_CODES.badMessage, 'malformed state vector');
          }
          return;
        case 'update':
          return this.receiveUpdate(session, docName, identity, connection, message.update, refuse);
        case 'awareness':
          try {
            const own = room.applyPresence(connection, message.update, presenceOf(identity));
            if (own > 0 && identity.kind === 'participant' && !bucket.take()) refuse(CLOSE_CODES.tooMany, 'too many presence updates');
          } catch {
            refuse(CLOSE_CODES.badMessage, 'malformed presence update');
          }
          return;
        case 'query-awareness':
          return room.sendPresence(connection);
        case 'auth':
          return;
      }
    });
    ws.on('close', () => room.leave(connection));
    ws.on('error', () => room.leave(connection));
    room.join(connection);
  }

  private receiveUpdate(
    session: LiveSession,
    docName: DocName,
    identity: Identity,
    connection: RoomConnection,
    update: Uint8Array,
    refuse: (code: number, reason: string) => void,
  ): void {
    const room = session.rooms[docName];
    let decoded: DecodedUpdate;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return refuse(CLOSE_CODES.badMessage, 'not a valid Yjs update');
    }
    // A client answers our sync step 1 with what we lack; usually nothing. Nothing to store or check.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    // A copy of the document's earlier lineage (a device that loaded its old copy after syncing):
    // merged in, its items would clash with the new ones. The device drops it and syncs again.
    if (session.touchesRetired(docName, decoded)) return refuse(CLOSE_CODES.staleCopy, STALE_COPY_REASON);
    if (!mayWrite(identity, session.id, docName)) {
      // On every (re)connect a reader answers our sync step 1 with everything it knows that our
      // state vector does not cover, including the document's whole delete set. That is not a
      // write: accept it silently when it holds nothing the host does not already have.
      if (Y.snapshotContainsUpdate(Y.snapshot(room.doc), update)) return;
      return refuse(CLOSE_CODES.forbidden, `${docName} is written by the facilitator only`);
    }
    if (identity.kind === 'participant' && session.approximateBytes(docName) + update.length > this.options.limits.documentBytes) {
      return refuse(CLOSE_CODES.tooLarge, 'the document is full');
    }
    let answered: string | undefined;
    this.options.writes.enqueue({
      session,
      doc: docName,
      update,
      origin: connection,
      check: () => {
        const verdict = this.judge(session, docName, identity, decoded);
        answered = verdict.answered;
        return verdict.refusal ?? null;
      },
      onRefused: (refusal) => refuse(refusal.code, refusal.reason),
      onFailed: (error) => {
        this.options.log(`session ${session.id}/${docName}: update not stored: ${error.message}`);
        refuse(CLOSE_CODES.storageFailed, 'could not be saved on the host; your text is kept on your device');
      },
      onCommitted: () => {
        if (answered) recordAnswered(session, answered, identity);
      },
    });
  }

  /**
   * The host's rules for one update: nobody writes as another's client id; a participant writes
   * only plain note and vote entries as themselves and deletes only what they wrote (board-rules.ts).
   */
  private judge(
    session: LiveSession,
    docName: DocName,
    identity: Identity,
    update: DecodedUpdate,
  ): { refusal?: { code: number; reason: string }; answered?: string } {
    // Recording who writes as a client id writes to the session file: if that fails (a full disk,
    // a file made read-only meanwhile), the update is refused like any unsaved one — never thrown
    // out of the write queue, where it would end the host and every other session with it.
    try {
      return this.judgeUpdate(session, docName, identity, update);
    } catch (error) {
      this.options.log(`session ${session.id}/${docName}: update not judged: ${(error as Error).message}`);
      return { refusal: { code: CLOSE_CODES.storageFailed, reason: 'could not be saved on the host; your text is kept on your device' } };
    }
  }

  private judgeUpdate(
    session: LiveSession,
    docName: DocName,
    identity: Identity,
    update: DecodedUpdate,
  ): { refusal?: { code: number; reason: string }; answered?: string } {
    const room = session.rooms[docName];
    const principal = identity.kind === 'facilitator' ? FACILITATOR_OWNER : identity.participant.id;
    let reading: UpdateReading;
    try {
      reading = readUpdate(room.doc, update, { writersOnly: identity.kind === 'facilitator' });
    } catch {
      return { refusal: { code: CLOSE_CODES.badMessage, reason: 'not a valid Yjs update' } };
    }
    const owners = session.owners[docName];
    if (owners.foreign(reading.writers, principal).length > 0) {
      return { refusal: { code: CLOSE_CODES.forbidden, reason: 'writes under a client id that belongs to someone else' } };
    }
    if (identity.kind === 'participant') {
      const problem =
        reading.unsupported ??
        (reading.newDeletions.some((d) => owners.ownerOf(d.client) !== principal && !reading.writers.has(d.client))
          ? 'deletes what someone else wrote'
          : checkBoardWrites(reading.mapWrites, {
              participant: identity.participant,
              pseudonym: identity.pseudonym,
              control: session.rooms.control.doc,
              board: room.doc,
            }));
      if (problem) return { refusal: { code: CLOSE_CODES.forbidden, reason: problem } };
    }
    owners.claim(reading.writers, principal);
    return { answered: identity.kind === 'participant' ? answeredStep(reading) : undefined };
  }

  private pingAll(): void {
    for (const ws of this.wss.clients) {
      if (this.answeredPing.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.answeredPing.set(ws, false);
      ws.ping();
    }
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const ws of this.wss.clients) ws.close(CLOSE_CODES.goingAway, 'host stopping');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function toUint8Array(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  const buffer = data as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
