import type { Page, WebSocketRoute } from 'playwright-core';

/** The Wi-Fi between one phone page and the host, which a test can drop and bring back. */
export interface PhoneWifi {
  /** Close codes the host sent to the phone's sync sockets, in order. */
  readonly hostCloses: readonly number[];
  /** Closes every open sync socket and refuses new ones, as a dropped Wi-Fi does. */
  goOffline(): Promise<void>;
  /** Lets the phone's next connection attempts through again. */
  comeBack(): void;
}

/**
 * Routes the page's sync sockets (`/sync/…`) through Playwright, so "offline" cuts this phone only
 * while the host keeps running for everyone else (and may even restart on the same port).
 */
export async function routePhoneWifi(page: Page): Promise<PhoneWifi> {
  const hostCloses: number[] = [];
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  let online = true;
  await page.routeWebSocket(/\/sync\//, (ws) => {
    if (!online) {
      ws.close({ code: 1001, reason: 'offline' });
      return;
    }
    const server = ws.connectToServer();
    const pair = { page: ws, server };
    open.add(pair);
    server.onClose((code, reason) => {
      hostCloses.push(code ?? 0);
      open.delete(pair);
      void ws.close({ code, reason });
    });
    ws.onClose((code, reason) => {
      open.delete(pair);
      void server.close({ code, reason });
    });
  });
  return {
    hostCloses,
    async goOffline() {
      online = false;
      for (const pair of [...open]) {
        open.delete(pair);
        await pair.page.close({ code: 1001, reason: 'offline' });
        await pair.server.close({ code: 1001, reason: 'offline' });
      }
    },
    comeBack() {
      online = true;
    },
  };
}
