import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Authenticator } from './auth/authenticator';
import { loadOrCreateFacilitatorToken } from './auth/tokens';
import { createApi } from './http/api';
import { sendError } from './http/respond';
import { createStaticHandler } from './http/static-files';
import { ImprovementDirectory } from './improvements/improvement-directory';
import { ImprovementService } from './improvements/improvement-service';
import { ImprovementStore } from './improvements/improvement-store';
import { SessionDirectory } from './persistence/session-directory';
import type { SyncFile } from './persistence/wal-durability';
import { ListenerSet } from './server/listeners';
import { SessionManager } from './sessions/session-manager';
import { AttemptLimiter } from './sharing/attempt-limiter';
import type { AttemptLimits } from './sharing/attempt-limiter';
import { ShareService } from './sharing/share-service';
import { SyncServer } from './sync/sync-server';
import { LIMITS } from './sync/limits';
import type { Limits } from './sync/limits';
import { TemplateLibrary } from './templates/template-library';
import { ContentPackLibrary } from './templates/content-pack-library';
import { WriteQueue } from './sync/write-queue';

export interface HostConfig {
  /** Folder holding `sessions/`, `improvements/` and the facilitator secret. */
  readonly dataDir: string;
  /** 0 picks a free port. A taken port falls back to a free one unless `strictPort`. */
  readonly port: number;
  readonly strictPort?: boolean;
  /** The main listener's address; 127.0.0.1 unless a server deployment asks for more. */
  readonly bind: string;
  /** The built renderer (out/renderer), or null to serve no UI. */
  readonly staticDir: string | null;
  /** The app's resources (built-in templates, content packs); null for none. */
  readonly resourcesDir?: string | null;
  readonly attemptLimits?: AttemptLimits;
  /** Overrides of the sync limits (tests use small ones); see sync/limits.ts for the chosen values. */
  readonly limits?: Partial<Limits>;
  readonly log?: (line: string) => void;
  /** The session files' WAL fdatasync (default `fdatasyncInline`); tests wrap the real one to slow it down. */
  readonly syncWal?: SyncFile;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly facilitatorToken: string;
  readonly manager: SessionManager;
  readonly writes: WriteQueue;
  /** The improvements (issue #5): one file each in `<data>/improvements/`. */
  readonly improvements: ImprovementStore;
  /** Stops accepting, writes everything queued, closes every session and improvement file. */
  stop(): Promise<void>;
}

/**
 * Composition root: opens the data folder, wires the store, sync, sharing and the HTTP API, and
 * starts listening on the bind address only (LAN listeners come when a session is shared).
 */
export async function startHost(config: HostConfig): Promise<RunningHost> {
  const log = config.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  mkdirSync(config.dataDir, { recursive: true });
  const directory = new SessionDirectory(config.dataDir, { syncWal: config.syncWal });
  const facilitatorToken = loadOrCreateFacilitatorToken(config.dataDir);
  // A failed commit (disk full) reloads the session from its file; `manager` is bound just below.
  const writes = new WriteQueue((session, error) => {
    log(`session ${session.id}: commit failed, reloading from its file: ${error.message}`);
    manager.evict(session.id);
  });
  const manager: SessionManager = new SessionManager(directory, writes, log);
  const improvementStore = new ImprovementStore(new ImprovementDirectory(config.dataDir), log);
  const auth = new Authenticator(facilitatorToken, manager);
  let mainPort = 0;

  let shares: ShareService | undefined;
  let sync: SyncServer | undefined;
  let api: ReturnType<typeof createApi> | undefined;
  const serveStatic = createStaticHandler(config.staticDir);

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    if (!api) return sendError(req, res, 'session-unavailable');
    api(req, res)
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 'not-found');
        serveStatic(req, res);
      })
      .catch((error: unknown) => {
        log(`request failed: ${String(error)}`);
        // Once headers are out, no error body can follow: end the connection so the client sees
        // a broken response at once instead of waiting for a body that never comes.
        if (!res.headersSent) sendError(req, res, 'internal');
        else res.destroy();
      });
  };
  const listeners = new ListenerSet(onRequest, (req, socket, head) => {
    if (sync) sync.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  mainPort = await listeners.listen(config.bind, config.port, !config.strictPort);
  shares = new ShareService({
    manager,
    listeners,
    limiter: new AttemptLimiter(config.attemptLimits),
    mainPort: () => mainPort,
    mainAddress: config.bind,
    log,
  });
  sync = new SyncServer({ manager, shares, auth, writes, limits: { ...LIMITS, ...config.limits }, log });
  const templates = new TemplateLibrary(config.resourcesDir ? join(config.resourcesDir, 'templates') : null, config.dataDir, log);
  const contentPacks = new ContentPackLibrary(config.resourcesDir ? join(config.resourcesDir, 'content-packs') : null, log);
  const improvements = new ImprovementService(improvementStore, manager, contentPacks);
  api = createApi({ manager, shares, auth, templates, contentPacks, improvements, port: () => mainPort, log });

  for (const listing of manager.inspectAll()) {
    if (listing.status !== 'ok') log(`session file cannot be opened: ${listing.problem ?? listing.path}`);
  }
  for (const listing of improvementStore.listings()) {
    if (listing.status !== 'ok') log(`improvement file cannot be opened: ${listing.problem ?? listing.path}`);
  }
  await shares.restore();

  const urlHost = config.bind === '0.0.0.0' ? '127.0.0.1' : config.bind;
  let stopped: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${mainPort}`,
    port: mainPort,
    facilitatorToken,
    manager,
    writes,
    improvements: improvementStore,
    stop: () => {
      stopped ??= (async () => {
        writes.flush();
        await sync?.close();
        manager.closeAll();
        improvementStore.closeAll();
        await listeners.closeAll();
      })();
      return stopped;
    },
  };
}
