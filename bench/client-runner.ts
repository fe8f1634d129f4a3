/**
 * The benchmark's clients, in their own process (forked by bench/run.ts through `node --import tsx`),
 * so the host's CPU and the clients' CPU never share an event loop. Jobs arrive over IPC as
 * `{id, job, params}`; the answer goes back as `{id, ok, result | error}`.
 */
import { burst } from './jobs/burst';
import { room } from './jobs/room';
import { seed } from './jobs/seed';
import { pushState, syncTime } from './jobs/sync-time';

// y-websocket adds a process 'exit' listener per provider; hundreds of clients are expected here.
process.setMaxListeners(0);

const jobs: Record<string, (params: never) => Promise<unknown>> = { room, burst, seed, syncTime, pushState };

process.on('message', (message: { id: number; job: string; params: unknown }) => {
  const handler = jobs[message.job];
  const run = handler ? handler(message.params as never) : Promise.reject(new Error(`no job ${message.job}`));
  run.then(
    (result) => process.send!({ id: message.id, ok: true, result }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
