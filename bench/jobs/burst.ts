import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { addNote } from '../../src/core/workshop/board';
import type { Note } from '../../src/core/workshop/board';
import { connect, sleep, until } from '../lib/clients';

export interface BurstParams {
  readonly wsBase: string;
  readonly room: string;
  /** One token per writer connection (the facilitator's on our host: participants are paced at 40 msg/s). */
  readonly tokens: readonly (string | undefined)[];
  readonly observerToken?: string;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Updates a writer may have sent and not yet seen relayed (keeps the server's queue bounded). */
  readonly window: number;
}

export interface BurstResult {
  readonly sent: number;
  readonly relayed: number;
  /** Updates relayed per second to the observer, after the warm-up. */
  readonly perSecond: number;
  readonly closeCodes: number[];
}

/**
 * A lean writer: its own Y.Doc makes real note updates, sent as y-websocket sync "update" messages
 * on a plain socket. It ignores what the server sends, so the client process does not spend its CPU
 * applying every relayed note eight times over and the server stays the bottleneck.
 */
class Writer {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly closeCodes: number[] = [];
  sent = 0;
  seen = 0;

  constructor(url: string, readonly index: number) {
    this.ws = new WebSocket(url);
    this.ws.on('close', (code) => this.closeCodes.push(code));
    this.doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // messageSync
      syncProtocol.writeUpdate(encoder, update);
      this.ws.send(encoding.toUint8Array(encoder));
    });
  }

  write(): void {
    addNote(this.doc, `burst ${this.sent}`, { role: 'facilitator', anonymous: false, name: `writer-${this.index}` });
    this.sent += 1;
  }
}

function socketUrl(wsBase: string, room: string, token: string | undefined): string {
  return `${wsBase}/sync/${room}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/**
 * Issue #8 scenario 3: writers send note updates as fast as the relay lets them (each keeps up to
 * `window` in flight); a stock client counts what is relayed. On our host an update is relayed only
 * once it is committed to the session file, so the observer's rate is the durable write rate.
 */
export async function burst(params: BurstParams): Promise<BurstResult> {
  const observer = connect(params.wsBase, params.room, params.observerToken);
  const writers = params.tokens.map((token, i) => new Writer(socketUrl(params.wsBase, params.room, token), i));
  try {
    await until(() => observer.provider.synced && writers.every((w) => w.ws.readyState === WebSocket.OPEN), 'connections', 10_000);
    let relayed = 0;
    let running = true;
    let scheduled = false;
    const pump = (): void => {
      scheduled = false;
      if (!running) return;
      for (const writer of writers) {
        const room = params.window - (writer.sent - writer.seen);
        for (let i = 0; i < room; i++) writer.write();
      }
    };
    const notes = observer.doc.getMap<Note>('notes');
    notes.observe((event) => {
      for (const [key, change] of event.changes.keys) {
        if (change.action !== 'add') continue;
        const writer = writers[Number(notes.get(key)?.authorName?.slice('writer-'.length))];
        if (writer) writer.seen += 1;
        relayed += 1;
      }
      if (!scheduled) {
        scheduled = true;
        setImmediate(pump);
      }
    });
    pump();
    await sleep(params.warmupMs);
    const startCount = relayed;
    const start = performance.now();
    await sleep(params.durationMs);
    const perSecond = ((relayed - startCount) * 1000) / (performance.now() - start);
    running = false;
    return {
      sent: writers.reduce((sum, w) => sum + w.sent, 0),
      relayed,
      perSecond,
      closeCodes: [...observer.closeCodes, ...writers.flatMap((w) => w.closeCodes)],
    };
  } finally {
    observer.destroy();
    for (const writer of writers) {
      writer.ws.terminate();
      writer.doc.destroy();
    }
  }
}
