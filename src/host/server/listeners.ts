import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError } from '../../core/errors';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * The host's listening sockets: always the bind address (loopback by default), plus one per LAN
 * address a session has been shared on. All serve the same handlers. A LAN listener exists only
 * while a shared session needs it.
 */
export class ListenerSet {
  private readonly servers = new Map<string, { server: Server; port: number }>();

  constructor(
    private readonly onRequest: RequestListener,
    private readonly onUpgrade: UpgradeHandler,
  ) {}

  /** Listens on address:port (port 0 or taken → any free port when `fallback`). Returns the port. */
  async listen(address: string, port: number, fallback = true): Promise<number> {
    const existing = this.servers.get(address);
    if (existing) return existing.port;
    const server = createServer(this.onRequest);
    server.on('upgrade', this.onUpgrade);
    server.on('clientError', (_error, socket) => socket.destroy());
    let actual: number;
    try {
      actual = await listenOn(server, address, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (fallback && port !== 0 && code === 'EADDRINUSE') {
        actual = await listenOn(server, address, 0);
      } else {
        throw new DomainError('address-unavailable', `${address}:${port}: ${(error as Error).message}`);
      }
    }
    this.servers.set(address, { server, port: actual });
    return actual;
  }

  portOf(address: string): number | undefined {
    return this.servers.get(address)?.port;
  }

  addresses(): string[] {
    return [...this.servers.keys()];
  }

  async close(address: string): Promise<void> {
    const entry = this.servers.get(address);
    if (!entry) return;
    this.servers.delete(address);
    await new Promise<void>((resolve) => {
      entry.server.close(() => resolve());
      entry.server.closeAllConnections();
    });
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.addresses().map((address) => this.close(address)));
  }
}

function listenOn(server: Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      const bound = server.address();
      resolve(typeof bound === 'object' && bound ? bound.port : port);
    });
  });
}
