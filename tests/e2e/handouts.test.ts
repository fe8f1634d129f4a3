import { readFileSync } from 'node:fs';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import type { SevenQuestionsResult } from '../../src/core/instruments/seven-questions-results';
import { addStep } from '../../src/core/workshop/agenda';
import type { Step } from '../../src/core/workshop/agenda';
import { selectNotes } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import { freePort } from '../helpers/child-host';
import { readPdf } from '../helpers/document-reading';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';
import { LAPTOP, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { Cockpit, loadPack } from './pages/instrument-steps';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const WAIT = { timeout: 15_000 };
const TITLE = 'Papper på vårdcentralen';

/**
 * Paper for people without a device (issue #6), in the real cockpit: "Skriv ut underlag" downloads
 * the step's PDF; a seven-questions form and a reflection sheet are typed back in with the
 * keyboard, and the host counts them (anonymously) with everyone else's.
 */
describe('printing handouts and typing paper answers in, in the cockpit', () => {
  const data = tempDir();
  let t: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cockpit: Cockpit;
  let control: YClient;
  let board: YClient;
  let sessionId = '';
  const steps: Record<string, Step> = {};
  const outbound: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const staticDir = join(data.path, 'renderer');
    cpSync(STATIC_DIR, staticDir, { recursive: true });
    t = await startTestHost({ dataDir: join(data.path, 'host'), port: await freePort(), strictPort: true, staticDir });
    sessionId = (await t.api.createSession(TITLE)).id;
    control = connectClient(t.host.url, sessionId, 'control', t.host.facilitatorToken);
    board = connectClient(t.host.url, sessionId, 'board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), board.whenSynced()]);
    steps.seven = addStep(control.doc, { type: 'seven-questions', title: 'De sju frågorna', minutes: 10, config: { questionIds: ['q1', 'q2', 'q3'] } });
    const reflection = reflectionConfigFromPack(loadPack('reflections.json', 'reflections'), ['s1'], 'du', 'sv');
    steps.reflection = addStep(control.doc, { type: 'reflection', title: 'Reflektera själv', minutes: 10, config: reflection ?? {} });
    goToStep(control.doc, steps.seven.id);

    browser = await launchBrowser();
    context = await browser.newContext({ ...LAPTOP, locale: 'sv-SE', acceptDownloads: true });
    forbidOutbound(context, outbound);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cockpit = new Cockpit(page);
    await cockpit.open(t.host.url, t.host.facilitatorToken, TITLE);
  });

  afterAll(async () => {
    control?.destroy();
    board?.destroy();
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('downloads the seven questions handout as a PDF from the cockpit', async () => {
    await expect.poll(() => cockpit.stepTitle().innerText(), WAIT).toBe('De sju frågorna');
    const tools = cockpit.run().locator('details.handout-tools');
    await tools.locator('summary').focus();
    await page.keyboard.press('Enter');
    const print = cockpit.run().getByRole('button', { name: 'Skriv ut underlag' });
    await expect.poll(() => print.isEnabled(), WAIT).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
    expect(download.suggestedFilename()).toBe('sju-fragor-de-sju-fragorna.pdf');
    const pdf = await readPdf(new Uint8Array(readFileSync((await download.path()) ?? '')));
    expect(pdf.text).toContain('Till dig som är patient eller närstående');
    expect(pdf.text).toContain('Källa: SKR, Ett steg till, 2022');
  });

  it('types in two paper forms with the keyboard; the results count them, without names', async () => {
    const form = cockpit.run().locator('form.paper-form');
    await form.getByRole('radio', { name: 'Som personal i vården' }).check();
    // Keyboard only: focus the first answer of question 1 and move with the arrow keys (Ja → Delvis).
    const q1 = form.getByRole('group', { name: /^1\./ });
    await q1.getByRole('radio', { name: 'Ja' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => q1.getByRole('radio', { name: 'Delvis' }).isChecked()).toBe(true);
    await form.getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Nej' }).check();
    await form.getByRole('button', { name: 'Spara formuläret' }).press('Enter');
    await expect.poll(() => page.getByText('Formuläret är sparat. 1 pappersformulär hittills.').count(), WAIT).toBeGreaterThan(0);
    // The ticks are cleared for the next form.
    expect(await q1.getByRole('radio', { name: 'Delvis' }).isChecked()).toBe(false);

    await form.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Ja' }).check();
    await form.getByRole('button', { name: 'Spara formuläret' }).click();
    await expect.poll(() => page.getByText('2 pappersformulär hittills').count(), WAIT).toBeGreaterThan(0);

    // Saving with nothing ticked says so, and sends nothing.
    await form.getByRole('button', { name: 'Spara formuläret' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('Kryssa i minst ett svar innan du sparar.');

    const findings = await seriousAxeFindings(page);
    expect(findings).toEqual([]);
    await form.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Nej' }).check();
    await cockpit.run().locator('details.handout-tools').evaluate((el) => {
      const bar = document.querySelector('[role="toolbar"]')?.getBoundingClientRect().bottom ?? 0;
      window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - Math.max(0, bar) - 12, behavior: 'instant' });
    });
    await screenshot(page, 'handout-paper-form-sv');
    await form.getByRole('button', { name: 'Rensa kryssen' }).click();

    const result = await t.api.json<SevenQuestionsResult>('POST', `/api/sessions/${sessionId}/steps/${steps.seven?.id ?? ''}/results`);
    expect(result.sides.staff.respondents).toBe(2);
    expect(result.sides.patient.respondents).toBe(0);
    await expect.poll(() => page.getByText('Resultaten är redan visade').count(), WAIT).toBeGreaterThan(0);
  });

  it('types in a reflection sheet; it waits for the reveal and then shows without a name', async () => {
    goToStep(control.doc, steps.reflection?.id ?? null);
    await expect.poll(() => cockpit.stepTitle().innerText(), WAIT).toBe('Reflektera själv');
    const tools = cockpit.run().locator('details.handout-tools');
    if (!(await tools.evaluate((el) => (el as HTMLDetailsElement).open))) await tools.locator('summary').click();
    const form = cockpit.run().locator('form.paper-form');
    await form.getByLabel('Skribentens roll').selectOption('relative');
    await form.getByLabel('Vilka vägledande principer har du i ditt arbete?').fill('Att närstående får vara med från början.');
    await form.getByRole('button', { name: 'Spara bladet' }).click();
    await expect.poll(() => page.getByText('Bladet är sparat (1 svar).').count(), WAIT).toBeGreaterThan(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(selectNotes(board.doc).some((n) => n.stepId === steps.reflection?.id)).toBe(false);
    await t.api.json('POST', `/api/sessions/${sessionId}/steps/${steps.reflection?.id ?? ''}/reveal`);
    await waitFor(() => selectNotes(board.doc).some((n) => n.text === 'Att närstående får vara med från början.'), 'revealed');
    const note = selectNotes(board.doc).find((n) => n.text === 'Att närstående får vara med från början.');
    expect(note).toMatchObject({ authorRole: 'relative', anonymous: true, onBehalf: true });
    expect(outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('prints a handout from the agenda while planning, with the keyboard', async () => {
    await page.getByRole('tab', { name: 'Planera' }).click();
    const planning = page.getByRole('tabpanel', { name: 'Planera' });
    const print = planning.getByRole('button', { name: 'Skriv ut underlag: Reflektera själv' });
    await expect.poll(() => print.isEnabled(), WAIT).toBe(true);
    await print.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('reflektion-reflektera-sjalv.pdf');
    const pdf = await readPdf(new Uint8Array(readFileSync((await download.path()) ?? '')));
    expect(pdf.text).toContain('Vilka vägledande principer har du i ditt arbete?');
    // Only instrument steps with a handout get the button.
    expect(await planning.getByRole('button', { name: /^Skriv ut underlag:/ }).count()).toBe(2);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
