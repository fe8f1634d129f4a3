import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JoinResponse, SessionSummary } from '../../src/contracts/http';
import { selectAgenda } from '../../src/core/workshop/agenda';
import { addNote } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import { ApiClient } from '../helpers/api-client';
import { freePort } from '../helpers/child-host';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { tempDir } from '../helpers/temp-dir';
import { sleep } from '../helpers/wait';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { seriousAxeFindings } from './support/axe';
import { LAPTOP, forbidOutbound, launchBrowser } from './support/browser';
import { screenshot } from './support/screenshots';
import { FacilitatorPage } from './pages/facilitator-page';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const TITLE = 'Trygg hemgång från Åsens vårdcentral';

/**
 * Exports from the facilitator UI, mid-workshop (issue #6), in Debian's Chromium: the export
 * dialog warns about a phone number typed into a note, a Markdown report and a Word report download
 * with Swedish file names, an archive downloads and is imported as a new session from the session
 * list, and a broken file is refused with a clear message. Screenshots of the dialog and the refusal.
 */
describe('exports from the facilitator UI', () => {
  const data = tempDir();
  let t: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let facilitator: FacilitatorPage;
  let session: SessionSummary;
  const clients: YClient[] = [];
  const outbound: string[] = [];
  const pageErrors: string[] = [];
  const dialog = (): Locator => page.getByRole('dialog', { name: 'Exportera sessionen' });

  beforeAll(async () => {
    t = await startTestHost({ dataDir: data.path, port: await freePort(), strictPort: true, staticDir: STATIC_DIR });
    session = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: TITLE, template: 'co-design-2h-sv' }, 201);
    const { joinCode } = await t.api.share(session.id);
    const anna = await new ApiClient(t.host.url).join(joinCode, 'Anna Öberg', 'patient');
    const secret: JoinResponse = await new ApiClient(t.host.url).join(joinCode, 'Hemlig Person', 'relative', true);
    const control = connectClient(t.host.url, session.id, 'control', t.host.facilitatorToken, new Y.Doc());
    clients.push(control);
    await control.whenSynced();
    const step = selectAgenda(control.doc)[1]!;
    goToStep(control.doc, step.id);
    await sleep(150);
    for (const [p, text] of [
      [anna, 'Att någon ringer dagen efter hemgången – ring mig på 070-123 45 67'],
      [secret, 'Skriftlig information om läkemedlen på svenska och arabiska'],
    ] as const) {
      const board = connectClient(t.host.url, session.id, 'board', p.token, new Y.Doc());
      clients.push(board);
      await board.whenSynced();
      addNote(board.doc, text, { role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym }, Date.now(), { stepId: step.id });
    }
    for (let i = 0; i < 50 && (await t.api.json<{ counts: { phone: number } }>('GET', `/api/sessions/${session.id}/export/check`)).counts.phone !== 1; i += 1) await sleep(100);

    browser = await launchBrowser();
    context = await browser.newContext({ ...LAPTOP, locale: 'sv-SE', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    forbidOutbound(context, outbound);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    facilitator = new FacilitatorPage(page);
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.openSession(TITLE);
    await page.getByRole('button', { name: 'Exportera' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('opens the export dialog mid-workshop, warns about the phone number and passes axe', async () => {
    await page.getByRole('button', { name: 'Exportera' }).click();
    await dialog().waitFor();
    await dialog().getByText('1 möjlig personuppgift i texterna').waitFor();
    await expect(dialog().getByText(/ring mig på \[telefonnummer borttaget\]/).count()).resolves.toBe(1);
    await expect(dialog().getByText('070-123 45 67').count()).resolves.toBe(0);
    // The report's first page: written once, kept in the session.
    await dialog().getByLabel('Plats').fill('Åsens vårdcentral, konferensrummet');
    await dialog().getByLabel('Facilitatorer').fill('Karin Ek, Lars Öst');
    await dialog().getByLabel('Syfte med workshoppen').fill('Förstå vad som gör hemgången trygg för patienter och närstående.');
    await dialog().getByLabel('Syfte med workshoppen').blur();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'export-dialog-sv');
  });

  it('downloads the Markdown report, masked, with a Swedish file name, using the keyboard', async () => {
    await dialog().getByRole('radio', { name: /^Markdown/ }).focus();
    await page.keyboard.press('Space');
    await dialog().getByRole('checkbox', { name: 'Maskera dem i exporten' }).check();
    await dialog().getByRole('button', { name: 'Exportera', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'export-dialog-privacy-sv');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Exportera', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${TITLE} \\d{4}-\\d\\d-\\d\\d\\.md$`));
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain(`# ${TITLE}`);
    expect(md).toContain('- **Plats:** Åsens vårdcentral, konferensrummet');
    expect(md).toContain('- **Facilitatorer:** Karin Ek, Lars Öst');
    expect(md).toContain('- **Syfte:** Förstå vad som gör hemgången trygg för patienter och närstående.');
    expect(md).toContain('ring mig på \\[telefonnummer borttaget\\]');
    expect(md).toContain('Skriftlig information om läkemedlen');
    expect(md).not.toContain('Hemlig Person');
    expect(md).not.toContain('070-123 45 67');
    await dialog().getByText(/^Sparad: /).waitFor();
  });

  it('downloads the Word report and a CSV for Swedish Excel', async () => {
    await dialog().getByRole('checkbox', { name: 'Maskera dem i exporten' }).uncheck();
    await dialog().getByRole('radio', { name: /^Word/ }).check();
    const [word] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Exportera', exact: true }).click()]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    expect(readFileSync((await word.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
    await dialog().getByRole('radio', { name: /^CSV/ }).check();
    await dialog().getByLabel('Tabell', { exact: true }).selectOption('notes');
    await screenshot(page, 'export-dialog-csv-sv');
    const [csv] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Exportera', exact: true }).click()]);
    expect(csv.suggestedFilename()).toMatch(/ anteckningar\.csv$/);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Steg nr;Steg;Typ');
  }, 60_000);

  it('downloads an archive and imports it from the session list; a broken file is refused', async () => {
    await dialog().getByRole('radio', { name: /^Arkiv/ }).check();
    const [archive] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Exportera', exact: true }).click()]);
    expect(archive.suggestedFilename()).toMatch(/\.samskapa$/);
    const archivePath = (await archive.path())!;
    await dialog().getByRole('button', { name: 'Stäng' }).first().click();
    await dialog().waitFor({ state: 'detached' });

    await page.goto(`${t.host.url}/#`);
    await page.getByRole('heading', { name: 'Sessioner' }).waitFor();
    const input = page.getByTestId('session-import-file');
    await input.setInputFiles({ name: 'trasig.samskapa', mimeType: 'application/octet-stream', buffer: Buffer.alloc(4096, 7) });
    const refusal = page.getByRole('alert').filter({ hasText: 'Filen kunde inte importeras' });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('Filen är inget Samskapa-arkiv');
    await screenshot(page, 'session-import-refused-sv');
    expect((await t.api.json<SessionSummary[]>('GET', '/api/sessions')).length).toBe(1);

    await input.setInputFiles(archivePath);
    await page.waitForURL(/#s=/);
    const newId = decodeURIComponent(new URL(page.url()).hash.replace(/^#s=/, ''));
    expect(newId).not.toBe(session.id);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect((await t.api.json<SessionSummary[]>('GET', '/api/sessions')).length).toBe(2);

    // The same dialog in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export the session' }).getByText('1 possible piece of personal data in the texts').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'export-dialog-en');
    expect(outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
