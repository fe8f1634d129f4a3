import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../../helpers/child-host';
import { startTestHost, type TestHost } from '../../helpers/test-host';
import { tempDir } from '../../helpers/temp-dir';
import { ParticipantPage } from '../pages/participant-page';
import { PHONE, forbidOutbound, launchBrowser } from './browser';
import { routePhoneWifi, type PhoneWifi } from './phone-wifi';

const STATIC_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/**
 * One host serving the built page on a fixed free port (so it can restart where the phone expects
 * it), and one phone in Chromium (360×740, Swedish) whose sync sockets go through a Wi-Fi the test
 * can drop. Every request leaving the machine and every page error is recorded for the test to check.
 */
export interface PhoneRoom {
  /** The running host (replaced by `restartHost`). */
  readonly host: TestHost;
  readonly port: number;
  readonly phone: ParticipantPage;
  readonly wifi: PhoneWifi;
  readonly outbound: readonly string[];
  readonly pageErrors: readonly string[];
  /** Stops the host (closing its sessions, as a quit app does) and starts it again on the same port and data folder. */
  restartHost(): Promise<TestHost>;
  close(): Promise<void>;
}

export async function openPhoneRoom({ timeoutMs = 15_000 }: { readonly timeoutMs?: number } = {}): Promise<PhoneRoom> {
  const data = tempDir();
  const port = await freePort();
  const start = (): Promise<TestHost> => startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
  let host = await start();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ ...PHONE, locale: 'sv-SE' });
    context.setDefaultTimeout(timeoutMs);
    const outbound: string[] = [];
    const pageErrors: string[] = [];
    forbidOutbound(context, outbound);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const wifi = await routePhoneWifi(page);
    const openBrowser = browser;
    return {
      get host() {
        return host;
      },
      port,
      phone: new ParticipantPage(page),
      wifi,
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
