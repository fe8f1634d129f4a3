import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocName } from '../../src/core/workshop/doc-names';
import { waitFor } from './wait';

export interface YClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes this client's connections ended with, in order. */
  readonly closeCodes: number[];
  whenSynced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/**
 * A stock y-websocket client, connected as HOST-CONTRACT.md says outside tools will connect:
 * `new WebsocketProvider('ws://HOST:PORT/sync', '<sessionId>/<doc>', ydoc, { params: { token } })`.
 */
export function connectClient(
  hostUrl: string,
  sessionId: string,
  docName: DocName,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): YClient {
  const provider = new WebsocketProvider(`${hostUrl.replace(/^http/, 'ws')}/sync`, `${sessionId}/${docName}`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    whenSynced: (timeoutMs = 10_000) => waitFor(() => provider.synced, `${docName} to sync`, timeoutMs),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
