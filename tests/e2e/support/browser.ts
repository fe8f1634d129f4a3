import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { watchContext } from './page-trail';

/** The host name participants use in tests: not loopback, so the page is NOT a secure context, as on a LAN. */
export const LAN_HOST = 'lan.samskapa.test';

/**
 * Debian's Chromium, headless, with no background traffic. Every `*.samskapa.test` name resolves to
 * 127.0.0.1, so a participant page at http://lan.samskapa.test:PORT behaves like one on a LAN
 * address (no crypto.randomUUID, no crypto.subtle, no async clipboard) while staying on this machine.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1, EXCLUDE localhost`,
    ],
  });
  // Every context is watched, so a failing test prints what its pages saw (support/setup.ts).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchContext(context);
    return context;
  };
  return browser;
}

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const LAPTOP = { viewport: { width: 1280, height: 800 } };

/** Fails the test on any request that leaves this machine (the app must work with no internet). */
export function forbidOutbound(context: BrowserContext, outbound: string[]): void {
  void context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.hostname === LAN_HOST || url.protocol === 'data:' || url.protocol === 'blob:';
    if (!local) {
      outbound.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
}
