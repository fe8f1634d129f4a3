import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A stock y-websocket client, connected as the tests and outside tools connect (README "headless host"). */
export interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly closeCodes: number[];
  destroy(): void;
}

export function connect(wsBase: string, room: string, token: string | undefined): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsBase}/sync`, room, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function until(check: () => boolean, what: string, timeoutMs: number, stepMs = 5): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Connects clients `batch` at a time, each batch synced before the next (a room filling up). */
export async function connectAll(
  wsBase: string,
  room: string,
  tokens: readonly (string | undefined)[],
  batch = 25,
  timeoutMs = 30_000,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    const group = tokens.slice(i, i + batch).map((token) => connect(wsBase, room, token));
    clients.push(...group);
    await until(() => group.every((c) => c.provider.synced), `${clients.length} clients to sync`, timeoutMs);
  }
  return clients;
}
