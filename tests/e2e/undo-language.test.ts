import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { resolve } from 'node:path';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { LAPTOP, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { FacilitatorPage } from './pages/facilitator-page';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');

/** "Ångra" says what it would take back in the language shown now, not the one the action was taken in. */
describe('the undo label follows the language', () => {
  const data = tempDir();
  let t: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let facilitator: FacilitatorPage;
  const outbound: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestHost({ dataDir: data.path, staticDir: STATIC_DIR });
    browser = await launchBrowser();
    context = await browser.newContext({ ...LAPTOP, locale: 'sv-SE' });
    context.setDefaultTimeout(15_000);
    forbidOutbound(context, outbound);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    facilitator = new FacilitatorPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  /** The words beside the button ("Senast: …"), which also describe it to a screen reader. */
  function what(): Locator {
    return facilitator.page.locator('.undo-what');
  }

  it('switches the label of actions taken in Swedish to English and back', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.createSessionFromTemplate('Språkbyte', 'Samskapande workshop, 2 timmar');
    await facilitator.showRun();
    await facilitator.press('n');
    await expect.poll(() => what().innerText()).toBe('Senast: Gå till Välkommen och syfte');
    await facilitator.press('Space');
    await expect.poll(() => what().innerText()).toBe('Senast: Starta tiden');

    await facilitator.chooseLanguage('English');
    const undo = facilitator.page.getByRole('button', { name: /^Undo/ });
    await expect.poll(() => what().innerText()).toBe('Last: Start the time');
    expect(await undo.getAttribute('aria-describedby')).toBe('run-undo-what');
    expect(await seriousAxeFindings(facilitator.page)).toEqual([]);
    // Taking one back shows the one before, also in English (the step title is the session's own).
    await undo.click();
    await expect.poll(() => what().innerText()).toBe('Last: Go to Välkommen och syfte');

    await facilitator.chooseLanguage('Svenska');
    await expect.poll(() => what().innerText()).toBe('Senast: Gå till Välkommen och syfte');
    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
