import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestHost, type TestHost } from '../../helpers/test-host';
import { tempDir } from '../../helpers/temp-dir';
import { FacilitatorPage } from '../pages/facilitator-page';
import { LAPTOP, forbidOutbound, launchBrowser } from './browser';

const STATIC_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/**
 * One host serving the built page, and the facilitator's window in Chromium on a laptop (1280×800,
 * Swedish). Every request leaving the machine and every page error is recorded for the test to check.
 */
export interface LaptopRoom {
  readonly host: TestHost;
  readonly facilitator: FacilitatorPage;
  readonly outbound: readonly string[];
  readonly pageErrors: readonly string[];
  close(): Promise<void>;
}

export async function openLaptopRoom(): Promise<LaptopRoom> {
  const data = tempDir();
  const host = await startTestHost({ dataDir: data.path, staticDir: STATIC_DIR });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ ...LAPTOP, locale: 'sv-SE' });
    context.setDefaultTimeout(15_000);
    const outbound: string[] = [];
    const pageErrors: string[] = [];
    forbidOutbound(context, outbound);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const openBrowser = browser;
    return {
      host,
      facilitator: new FacilitatorPage(page),
      outbound,
      pageErrors,
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
