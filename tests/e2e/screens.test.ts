import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { freePort } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { LAN_HOST, LAPTOP, PHONE, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { FacilitatorPage } from './pages/facilitator-page';
import type { ProjectorPage } from './pages/projector-page';

// SCREENS_STATIC_DIR: a private copy of the build, when others rebuild out/ while this runs.
const STATIC_DIR = process.env.SCREENS_STATIC_DIR ?? resolve(import.meta.dirname, '../../out/renderer');
const TEMPLATE = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/templates/co-design-2h.sv.json'), 'utf8'),
) as { title: string; steps: { title: string }[] };
const LANGS = ['sv', 'en'] as const;
type Lang = (typeof LANGS)[number];
const WAIT = { timeout: 15_000 };

/**
 * Issue #9: every main screen, in Swedish and English (participants at phone width 360×740), is
 * written to docs/screenshots/<screen>-<lang>[-phone].png for people to look at, and checked with
 * axe (no serious or critical findings) in both languages. A participant joins and answers with
 * the keyboard alone (Tab, Enter, Space and typing). The phone step is also shot with each comfort
 * setting, and checked at 200 % text for horizontal scrolling. Run: `npm run screenshots`.
 */
describe('screens a newcomer can see', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: FacilitatorPage;
  let phone: Page;
  let projector: ProjectorPage | null = null;
  let code = '';
  let base = '';
  const outbound: string[] = [];
  const pageErrors: string[] = [];
  const axeFindings: Record<string, string[]> = {};

  async function newPage(options: typeof LAPTOP | typeof PHONE, label: string): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    forbidOutbound(context, outbound);
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`)));
    contexts.push(context);
    return context.newPage();
  }

  /**
   * Switches the UI language the way a person does (the header's Svenska/English), also while a
   * modal dialog makes the header inert; a page without the switch (the projector) is reloaded
   * with the stored choice.
   */
  async function setLanguage(page: Page, lang: Lang): Promise<void> {
    const switched = await page.evaluate((lng) => {
      const button = document.querySelector<HTMLButtonElement>(`.preferences-bar button[lang="${lng}"]`);
      if (!button) return false;
      button.click();
      return true;
    }, lang);
    if (!switched) {
      await page.evaluate((lng) => localStorage.setItem('samskapa:language', lng), lang);
      await page.reload();
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), WAIT).toBe(lang);
    await page.waitForTimeout(200);
  }

  /** docs/screenshots/<screen>-sv[-phone].png and -en, with axe on each; ends in Swedish. */
  async function shoot(page: Page, screen: string, options: { phone?: boolean; ready?: () => Promise<void> } = {}) {
    await page.mouse.move(0, 0); // no hover highlight left where the last click was
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      await options.ready?.();
      axeFindings[`${screen}-${lang}`] = await seriousAxeFindings(page);
      await screenshot(page, `${screen}-${lang}${options.phone ? '-phone' : ''}`);
    }
    await setLanguage(page, 'sv');
    await options.ready?.();
  }

  /**
   * The projector in Swedish only: it has no language switch and reads the stored language when it
   * opens; a second "Öppna projektorvy" after closing the first window opened no new window here,
   * and a reloaded projector window showed no session (seen while writing this test, to look into).
   */
  async function shootProjector(screen: string): Promise<void> {
    axeFindings[`${screen}-sv`] = await seriousAxeFindings(projector!.page);
    await screenshot(projector!.page, `${screen}-sv`);
  }

  /** Presses Tab until the focused element matches (by accessible text), as a keyboard user would. */
  async function tabTo(page: Page, name: string | RegExp, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
        const labelledBy = el.getAttribute('aria-labelledby');
        const byId = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '';
        return [el.getAttribute('aria-label') ?? '', byId, label, el.textContent ?? ''].join('|');
      });
      const parts = text.split('|').map((s) => s.trim());
      if (parts.some((p) => (typeof name === 'string' ? p === name : name.test(p)))) return;
    }
    throw new Error(`Tab never reached ${String(name)}`);
  }

  /** True when the page scrolls sideways (text or controls wider than the screen). */
  function scrollsSideways(page: Page): Promise<boolean> {
    return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  }

  beforeAll(async () => {
    port = await freePort();
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
    base = `http://${LAN_HOST}:${port}`;
    browser = await launchBrowser();
    facilitator = new FacilitatorPage(await newPage(LAPTOP, 'facilitator'));
    phone = await newPage(PHONE, 'phone');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('session list on first run, with the guide, and the guide under Hjälp', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.page.getByTestId('first-run-guide').waitFor();
    await expect.poll(() => facilitator.page.title()).toBe('Samskapa – Sessioner');
    await shoot(facilitator.page, 'sessions-first-run');

    await facilitator.page.getByRole('button', { name: 'Hjälp' }).click();
    await facilitator.page.getByRole('dialog', { name: 'Kom igång med Samskapa' }).waitFor();
    await shoot(facilitator.page, 'help-guide');
    await facilitator.page.keyboard.press('Escape');
    // Closing the guide from Hjälp counts as seen: it no longer sits above the list.
    await expect.poll(() => facilitator.page.getByTestId('first-run-guide').count()).toBe(0);
  });

  it('create form with a template, then the session view: Genomför, Planera, share dialog', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Ny session' }).first().click();
    await page.getByLabel('Namn på sessionen').fill('Hjärtsviktsmottagningen, vår 2025');
    const picker = page.getByRole('group', { name: 'Börja från' });
    await picker.getByRole('radio', { name: new RegExp(`^${TEMPLATE.title}`) }).check();
    await shoot(page, 'create-session');
    await page.getByRole('button', { name: 'Skapa session' }).click();
    await facilitator.run().waitFor();
    await expect.poll(() => facilitator.agendaSteps().count(), WAIT).toBe(TEMPLATE.steps.length);
    await expect.poll(() => page.title()).toBe('Samskapa – Hjärtsviktsmottagningen, vår 2025');

    await facilitator.showPlan();
    await shoot(page, 'session-plan', { ready: () => page.getByRole('tabpanel').first().waitFor() });
    await facilitator.showRun();

    code = (await facilitator.shareOnLoopback()).code;
    expect(code).toMatch(/^\d{6}$/);
    await expect.poll(() => page.locator('dialog img[src^="data:image/svg+xml"]').count()).toBeGreaterThan(0);
    await shoot(page, 'share-dialog');
    await page.keyboard.press('Escape');

    // The projector while the room gathers: the join code, big.
    projector = await facilitator.openProjector();
    await projector.waitUntilShown();
    await projector.joinCode().waitFor(WAIT);
    await shootProjector('projector-join');

    await facilitator.press('n');
    await facilitator.press('n');
    await expect.poll(() => facilitator.stepTitle().innerText(), WAIT).toBe(TEMPLATE.steps[1]!.title);
  });

  it('phone: join with the code, "Så går du med", then name and role', async () => {
    await phone.goto(`${base}/`);
    await phone.getByLabel('Kod').waitFor();
    await expect.poll(() => phone.title()).toBe('Samskapa – Gå med');
    await shoot(phone, 'join-code', { phone: true });

    await phone.getByRole('button', { name: 'Så går du med' }).click();
    await phone.getByTestId('join-help').waitFor();
    await shoot(phone, 'join-help', { phone: true });
    await phone.getByRole('button', { name: 'Tillbaka till koden' }).click();
    await phone.getByLabel('Kod').waitFor();
  });

  it('keyboard only: join with the code, choose a role, write and send a note', async () => {
    // The code field has focus on arrival; everything after this is Tab, Enter, Space and typing.
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('numeric');
    await phone.keyboard.type(`${code.slice(0, 3)} ${code.slice(3)}`);
    await phone.keyboard.press('Enter');
    await phone.getByLabel('Vad vill du kallas?').waitFor();
    await shoot(phone, 'identify', { phone: true });

    await tabTo(phone, 'Vad vill du kallas?');
    await phone.keyboard.type('Anna');
    await tabTo(phone, 'Patient');
    await phone.keyboard.press('Space');
    await expect.poll(() => phone.getByRole('button', { name: 'Patient', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await tabTo(phone, 'Gå med');
    await phone.keyboard.press('Enter');

    await phone.getByTestId('current-step-title').filter({ hasText: TEMPLATE.steps[1]!.title }).waitFor(WAIT);
    await tabTo(phone, 'Skriv din tanke här');
    await phone.keyboard.type('Att någon lyssnar på hela min berättelse');
    await tabTo(phone, 'Skicka');
    await phone.keyboard.press('Enter');
    await expect
      .poll(() => facilitator.stepNotes().allInnerTexts(), WAIT)
      .toEqual(expect.arrayContaining([expect.stringContaining('Att någon lyssnar på hela min berättelse')]));
    await expect.poll(() => phone.title()).toBe('Samskapa – Hjärtsviktsmottagningen, vår 2025');
  });

  it('phone step, and the cockpit and projector following it', async () => {
    await phone.getByTestId('notes').locator('li').first().waitFor();
    await shoot(phone, 'step', { phone: true });
    await shoot(facilitator.page, 'session-run');
    await projector!.stepTitle().filter({ hasText: TEMPLATE.steps[1]!.title }).waitFor(WAIT);
    await shootProjector('projector');
  });

  it('comfort settings on the phone: one tap away, each one shot', async () => {
    await phone.getByRole('button', { name: 'Visning' }).click();
    await phone.getByRole('group', { name: 'Så vill jag se och läsa' }).waitFor();
    await shoot(phone, 'comfort', { phone: true });
    await phone.getByRole('button', { name: 'Klar' }).click();

    const toggle = async (name: string) => {
      await phone.getByRole('button', { name: 'Visning' }).click();
      await phone.getByRole('button', { name, exact: true }).click();
      await phone.getByRole('button', { name: 'Klar' }).click();
    };

    await toggle('Större text');
    expect(await phone.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    expect(await scrollsSideways(phone)).toBe(false);
    await shoot(phone, 'step-large-text', { phone: true });
    await toggle('Större text');

    await toggle('Hög kontrast');
    expect(await phone.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await shoot(phone, 'step-high-contrast', { phone: true });
    // Remembered on the device: still on after a reload.
    await phone.reload();
    await phone.getByTestId('current-step-title').waitFor(WAIT);
    expect(await phone.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await toggle('Hög kontrast');

    await toggle('Uppläsningsläge');
    await shoot(phone, 'step-read-aloud', { phone: true });
    await toggle('Uppläsningsläge');

    // Lättläst: the join instructions in easier words (checked on the code and role screens).
    await toggle('Lättläst');
    await phone.goto(`${base}/#code`);
    await phone.getByText('Titta på skärmen i rummet. Där står en kod. Skriv koden här.').waitFor();
    await shoot(phone, 'join-code-easy-read', { phone: true });
    await phone.evaluate(() => localStorage.setItem('samskapa:easy-read', 'off'));
    await phone.goBack();
    await phone.getByTestId('current-step-title').waitFor(WAIT);
  });

  it('200 % text on the phone: nothing scrolls sideways on any participant screen', async () => {
    const at200 = async (name: string) => {
      await phone.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      await phone.waitForTimeout(150);
      const wide = await scrollsSideways(phone);
      await screenshot(phone, `${name}-200-sv-phone`);
      await phone.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });
      expect(wide, `${name} scrolls sideways at 200 %`).toBe(false);
    };
    await at200('step');
    await phone.getByRole('button', { name: 'Visning' }).click();
    await at200('comfort');
    await phone.getByRole('button', { name: 'Klar' }).click();
    await phone.goto(`${base}/#code`);
    await phone.getByLabel('Kod').waitFor();
    await at200('join-code');
    await phone.getByRole('button', { name: 'Så går du med' }).click();
    await at200('join-help');
  });

  it('session list with a session', async () => {
    await facilitator.page.goto(`${t.host.url}/#`);
    await facilitator.page.getByRole('link', { name: /^Öppna Hjärtsviktsmottagningen/ }).waitFor();
    await shoot(facilitator.page, 'sessions');
  });

  it('had no serious or critical axe findings, no page errors and no outbound requests', () => {
    const failing = Object.fromEntries(Object.entries(axeFindings).filter(([, v]) => v.length > 0));
    expect(failing).toEqual({});
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(22);
    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
