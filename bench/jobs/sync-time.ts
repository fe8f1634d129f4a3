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
}

/** Time to a full sync: connect, receive the whole document, hold every note. */
export async function syncTime(params: SyncTimeParams): Promise<SyncTimeResult> {
  const start = performance.now();
  const perRoomMs: number[] = params.rooms.map(() => Number.NaN);
  const clients = params.rooms.map(({ room, notes }, index) => {
    const client = connect(params.wsBase, room, params.token);
    const map = client.doc.getMap('notes');
    const done = (): void => {
      if (Number.isNaN(perRoomMs[index]!) && client.provider.synced && map.size >= notes) perRoomMs[index] = performance.now() - start;
    };
    client.provider.on('sync', done);
    map.observe(done);
    return client;
  });
  try {
    await until(() => perRoomMs.every((ms) => !Number.isNaN(ms)), 'full sync', params.timeoutMs, 1);
    return { totalMs: Math.max(...perRoomMs), perRoomMs };
  } finally {
    for (const client of clients) client.destroy();
  }
}
