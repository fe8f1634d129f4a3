import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { freePort } from '../../helpers/child-host';
import { startTestHost, type TestHost } from '../../helpers/test-host';
import { tempDir } from '../../helpers/temp-dir';
import { forbidOutbound, launchBrowser } from './browser';

const STATIC_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/**
 * One host serving the built page, and one Swedish page in Chromium on the given device. Every
 * request leaving the machine and every page error is recorded for the test to check. With
 * `fixedPort` the host listens on a port chosen once, so it can restart where the page expects it.
 */
export interface HostAndPage {
  /** The running host (replaced by `restartHost`). */
  readonly host: TestHost;
  readonly port: number;
  readonly page: Page;
  readonly outbound: readonly string[];
  readonly pageErrors: readonly string[];
  /** Stops the host (closing its sessions, as a quit app does) and starts it again on the same data folder. */
  restartHost(): Promise<TestHost>;
  close(): Promise<void>;
}

export interface HostAndPageOptions {
  readonly device: BrowserContextOptions;
  readonly fixedPort?: boolean;
  readonly timeoutMs?: number;
}

export async function openHostAndPage({ device, fixedPort = false, timeoutMs = 15_000 }: HostAndPageOptions): Promise<HostAndPage> {
  const data = tempDir();
  const port = fixedPort ? await freePort() : 0;
  const start = (): Promise<TestHost> =>
    startTestHost({ dataDir: data.path, staticDir: STATIC_DIR, ...(fixedPort ? { port, strictPort: true } : {}) });
  let host = await start();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ ...device, locale: 'sv-SE' });
    context.setDefaultTimeout(timeoutMs);
    const outbound: string[] = [];
    const pageErrors: string[] = [];
    forbidOutbound(context, outbound);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const openBrowser = browser;
    return {
      get host() {
        return host;
      },
      port,
      page,
      outbound,
      pageErrors,
      async restartHost() {
        await host.stop();
        host = await start();
        return host;
      },
      async close() {
        await openBrowser.close();
        await host.stop();
        data.remove();
      },
    };
  } catch (error) {
    await browser?.close();
    await host.stop();
    data.remove();
    throw error;
  }
}
