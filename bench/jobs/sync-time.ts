import * as Y from 'yjs';
import { SqliteSessionStore } from '../../src/host/persistence/sqlite-session-store';
import { connect, until } from '../lib/clients';

export interface SyncTimeParams {
  readonly wsBase: string;
  readonly token?: string;
  /** Rooms to open at once, each with the number of notes its board must show to count as synced. */
  readonly rooms: readonly { readonly room: string; readonly notes: number }[];
  readonly timeoutMs: number;
}

export interface SyncTimeResult {
  /** From opening the sockets until every room is synced with all its notes. */
  readonly totalMs: number;
  readonly perRoomMs: number[];
  /**
   * Of that, the time the clients spent applying what they received (Yjs transactions that came
   * from the server, measured in the clients' own process): the part no server can take away.
   */
  readonly applyMs: number;
}

/** Time to a full sync: connect, receive the whole document, hold every note. */
export async function syncTime(params: SyncTimeParams): Promise<SyncTimeResult> {
  const start = performance.now();
  const perRoomMs: number[] = params.rooms.map(() => Number.NaN);
  let applyMs = 0;
  const clients = params.rooms.map(({ room, notes }, index) => {
    const client = connect(params.wsBase, room, params.token);
    const map = client.doc.getMap('notes');
    const done = (): void => {
      if (Number.isNaN(perRoomMs[index]!) && client.provider.synced && map.size >= notes) perRoomMs[index] = performance.now() - start;
    };
    let began = 0;
    client.doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!tr.local) began = performance.now();
    });
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!tr.local && Number.isNaN(perRoomMs[index]!)) applyMs += performance.now() - began;
    });
    client.provider.on('sync', done);
    map.observe(done);
    return client;
  });
  try {
    await until(() => perRoomMs.every((ms) => !Number.isNaN(ms)), 'full sync', params.timeoutMs, 1);
    return { totalMs: Math.max(...perRoomMs), perRoomMs, applyMs };
  } finally {
    for (const client of clients) client.destroy();
  }
}

export interface PushStateParams {
  readonly wsBase: string;
  readonly room: string;
  /** A session file: its board document (snapshot + log) is what gets pushed. */
  readonly file: string;
  readonly notes: number;
  readonly timeoutMs: number;
}

/**
 * Loads a session file's board into the reference server: a client holding it syncs up, then a
 * second client must see every note (so the server holds it all before anything is measured).
 */
export async function pushState(params: PushStateParams): Promise<{ notes: number }> {
  const store = SqliteSessionStore.open(params.file, { readonly: true });
  const stored = store.loadDoc('board');
  store.close();
  const seeder = connect(params.wsBase, params.room, undefined);
  seeder.doc.transact(() => stored.updates.forEach((u) => Y.applyUpdate(seeder.doc, u)), 'load');
  try {
    await until(() => seeder.provider.synced, 'pushing client to sync', params.timeoutMs, 5);
    const check = connect(params.wsBase, params.room, undefined);
    try {
      await until(() => check.provider.synced && check.doc.getMap('notes').size >= params.notes, 'pushed notes on the reference', params.timeoutMs, 20);
    } finally {
      check.destroy();
    }
    return { notes: seeder.doc.getMap('notes').size };
  } finally {
    seeder.destroy();
  }
}
