import { resolve } from 'node:path';
import { startHost } from '../../src/host/main';
import type { HostConfig, RunningHost } from '../../src/host/main';
import { ApiClient } from './api-client';
import { tempDir } from './temp-dir';
import { trail } from './trail';

export interface TestHost {
  readonly host: RunningHost;
  readonly dataDir: string;
  /** The facilitator's API client. */
  readonly api: ApiClient;
  readonly logs: string[];
  stop(): Promise<void>;
  /** Stops and removes the data folder. */
  dispose(): Promise<void>;
}

/** A real host in this process on 127.0.0.1 and a free port, with a temp data folder unless given. */
export async function startTestHost(options: Partial<HostConfig> = {}): Promise<TestHost> {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const logs: string[] = [];
  const host = await startHost({
    port: 0,
    bind: '127.0.0.1',
    staticDir: null,
    resourcesDir: resolve(import.meta.dirname, '../../resources'),
    log: (line) => {
      logs.push(line);
      trail('host', line);
    },
    ...options,
    dataDir,
  });
  return {
    host,
    dataDir,
    api: new ApiClient(host.url, host.facilitatorToken),
    logs,
    stop: () => host.stop(),
    dispose: async () => {
      await host.stop();
      dir?.remove();
    },
  };
}
