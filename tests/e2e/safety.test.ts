import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { resolve } from 'node:path';
import type { BackupSummary, JoinResponse, ParticipantSummary } from '../../src/contracts/http';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { freePort } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { LAN_HOST, LAPTOP, PHONE, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { FacilitatorPage } from './pages/facilitator-page';
import { ParticipantPage } from './pages/participant-page';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');

/**
 * The facilitator's safety tools end to end (docs/SECURITY.md, "Access" and "Never lose data"):
 * "Deltagare och säkerhetskopior" in Planera removes a person (their phone is disconnected and their
 * token stops working), "Ny kod" in the share dialog revokes the old code, and a backup made at a
 * step change is restored through the UI.
 */
describe('participants, a new code and backups', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: FacilitatorPage;
  let anna: ParticipantPage;
  let sessionId = '';
  let code = '';
  let bo: JoinResponse;
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

  const plan = () => facilitator.plan();
  const participantsPanel = (): Locator => plan().getByTestId('participants-panel');
  const backupsPanel = (): Locator => plan().getByTestId('backups-panel');
  const confirm = (): Locator => facilitator.page.getByRole('dialog').last();

  function join(joinCode: string, name: string | undefined, role: ParticipantSummary['role'], anonymous = false): Promise<Response> {
    return fetch(`${t.host.url}/api/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: joinCode, name, role, anonymous }),
    });
  }

  beforeAll(async () => {
    port = await freePort();
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
    browser = await launchBrowser();
    facilitator = new FacilitatorPage(await newPage(LAPTOP, 'facilitator'));
    anna = new ParticipantPage(await newPage(PHONE, 'anna'));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('lists everyone who joined in Planera, once the section is opened', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.createSession('Trygghet i rummet');
    await facilitator.page.getByRole('button', { name: 'Öppna för rummet' }).waitFor();
    sessionId = facilitator.sessionId();
    code = (await facilitator.shareOnLoopback()).code;
    await facilitator.page.keyboard.press('Escape');

    await anna.joinWithCode(`http://${LAN_HOST}:${port}`, code, 'Anna', 'patient');
    await expect.poll(() => anna.connectionStatus().innerText()).toMatch(/Ansluten/);
    const boAnswer = await join(code, 'Bo', 'staff');
    expect(boAnswer.status).toBe(200);
    bo = (await boAnswer.json()) as JoinResponse;
    expect((await join(code, undefined, 'relative', true)).status).toBe(200);

    await facilitator.showPlan();
    const disclosure = plan().getByRole('button', { name: 'Deltagare och säkerhetskopior' });
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false');
    await disclosure.click();
    expect(await disclosure.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => participantsPanel().getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Anna\s+Patient · Gick med \d\d:\d\d/),
      expect.stringMatching(/^Bo\s+Medarbetare/),
      expect.stringMatching(/^Anonym deltagare\s+Närstående/),
    ]);
    // The empty state of a session whose step never changed.
    await backupsPanel().getByText('Inga säkerhetskopior än').waitFor();
    await backupsPanel().getByText(/Säkerhetskopior görs automatiskt vid varje stegbyte/).waitFor();
    await plan().getByTestId('safety-panels').scrollIntoViewIfNeeded();
    axeFindings['safety panels'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'safety-panels-sv');
  });

  it('removes a participant behind a confirm; the phone is disconnected and the token refused', async () => {
    await participantsPanel().getByRole('button', { name: 'Ta bort Anna' }).click();
    await expect.poll(() => confirm().innerText()).toContain(
      'Personen kopplas bort och kan inte komma tillbaka med samma inloggning. Det hen skrivit finns kvar.',
    );
    // Focus starts on "Avbryt"; Esc closes the confirm without removing anyone.
    await expect.poll(() => facilitator.page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    axeFindings['remove confirm'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'safety-remove-confirm-sv');
    await facilitator.page.keyboard.press('Escape');
    await expect.poll(() => facilitator.page.locator('dialog[open]').count()).toBe(0);
    expect(await anna.composer().isVisible()).toBe(true);

    await participantsPanel().getByRole('button', { name: 'Ta bort Anna' }).click();
    await confirm().getByRole('button', { name: 'Ta bort', exact: true }).click();
    const annaRow = participantsPanel().getByRole('listitem').filter({ hasText: 'Anna' });
    await annaRow.getByText('Borttagen').waitFor();
    expect(await participantsPanel().getByRole('button', { name: 'Ta bort Anna' }).count()).toBe(0);
    // Focus stays on the person's row, not lost with the vanished button.
    expect(await facilitator.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Anna');

    // Anna's phone: the connection is closed for good (4411), the composer gone, a way out offered.
    await anna.page.getByRole('button', { name: 'Gå med i en annan träff' }).waitFor();
    // Today the phone says "Träffen finns inte längre." for every close but 4410; the wording
    // proposed in `safety.phoneRemoved` is accepted too.
    await anna.page.getByText(/Träffen finns inte längre|har tagit bort dig/).waitFor();
    expect(await anna.composer().count()).toBe(0);
    await screenshot(anna.page, 'safety-removed-phone-sv');
    const stored = await anna.page.evaluate(() => JSON.stringify(localStorage));
    const annaToken = /"(p\.[^"\\]+)/.exec(stored)?.[1] ?? '';
    expect(annaToken).not.toBe('');
    const me = await fetch(`${t.host.url}/api/me`, { headers: { Authorization: `Bearer ${annaToken}` } });
    expect(me.status).toBe(401);
    // Bo is still in.
    const boMe = await fetch(`${t.host.url}/api/me`, { headers: { Authorization: `Bearer ${bo.token}` } });
    expect(boMe.status).toBe(200);
  });

  it('makes a new code from the share dialog; the old code is refused, the new one works', async () => {
    await facilitator.page.getByRole('button', { name: 'Visa kod och QR' }).click();
    await facilitator.page.getByRole('button', { name: 'Ny kod' }).click();
    await expect.poll(() => confirm().innerText()).toContain(
      'Den gamla koden och länken slutar fungera. De som redan är med påverkas inte.',
    );
    axeFindings['new code confirm'] = await seriousAxeFindings(facilitator.page);
    // Esc closes only the confirm; the share dialog under it stays open.
    await facilitator.page.keyboard.press('Escape');
    await expect.poll(() => facilitator.page.locator('dialog[open]').count()).toBe(1);
    expect(await facilitator.page.getByTestId('join-code').innerText()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);

    await facilitator.page.getByRole('button', { name: 'Ny kod' }).click();
    await confirm().getByRole('button', { name: 'Gör en ny kod' }).click();
    await expect
      .poll(async () => (await facilitator.page.getByTestId('join-code').innerText()).replace(/\s/g, ''))
      .not.toBe(code);
    const newCode = (await facilitator.page.getByTestId('join-code').innerText()).replace(/\s/g, '');
    expect(newCode).toMatch(/^\d{6}$/);
    // The code in the session head follows.
    await expect.poll(() => facilitator.page.locator('.share-inline-code').innerText()).toContain(
      `${newCode.slice(0, 3)} ${newCode.slice(3)}`,
    );
    await screenshot(facilitator.page, 'safety-new-code-sv');

    const old = await join(code, 'Eve', 'other');
    expect(old.status).toBeGreaterThanOrEqual(400);
    expect(((await old.json()) as { error: string }).error).toBe('wrong-code');
    expect((await join(newCode, 'Cecilia', 'relative')).status).toBe(200);
    // Bo, already in, is not affected.
    const boMe = await fetch(`${t.host.url}/api/me`, { headers: { Authorization: `Bearer ${bo.token}` } });
    expect(boMe.status).toBe(200);
    await facilitator.page.keyboard.press('Escape');
    await expect.poll(() => facilitator.page.locator('dialog[open]').count()).toBe(0);
  });

  it('restores a backup made at a step change, after backing up the current file', async () => {
    for (const title of ['Välkomna', 'Vad fungerar bra?']) {
      await plan().getByRole('button', { name: 'Lägg till steg' }).first().click();
      await facilitator.page.getByLabel('Rubrik', { exact: true }).fill(title);
      await facilitator.page.getByRole('button', { name: 'Lägg till steget' }).click();
      await expect.poll(() => facilitator.page.locator('dialog[open]').count()).toBe(0);
    }
    await facilitator.showRun();
    await facilitator.button('Nästa steg').click();
    await facilitator.stepTitle().filter({ hasText: 'Välkomna' }).waitFor();
    const backups = async () =>
      (await t.api.json<BackupSummary[]>('GET', `/api/sessions/${sessionId}/backups`)).map((b) => b.reason);
    await expect.poll(backups, { timeout: 5000 }).toEqual(['step']);

    await facilitator.showPlan();
    await backupsPanel().getByRole('button', { name: 'Uppdatera' }).click();
    const rows = backupsPanel().getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toMatch(/^\d\d:\d\d:\d\d\s+Stegbyte\s+[\d,]+ kB\s+Återställ$/);
    await backupsPanel().scrollIntoViewIfNeeded();
    axeFindings['backups'] = await seriousAxeFindings(facilitator.page);

    await backupsPanel().getByRole('button', { name: /^Återställ kopian från \d\d:\d\d:\d\d$/ }).click();
    await expect.poll(() => confirm().innerText()).toContain('Det som finns nu sparas först som en egen säkerhetskopia');
    axeFindings['restore confirm'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'safety-restore-confirm-sv');
    await confirm().getByRole('button', { name: 'Återställ', exact: true }).click();

    await backupsPanel().getByRole('status').filter({ hasText: 'Sessionen är återställd' }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).innerText()).toContain('Före en återställning');
    expect(await backups()).toEqual(['before-restore', 'step']);
    // Everyone reconnects, the facilitator too.
    await expect
      .poll(() => facilitator.page.getByTestId('connection-status').first().innerText(), { timeout: 15_000 })
      .toMatch(/Ansluten/);
    await backupsPanel().scrollIntoViewIfNeeded();
    axeFindings['restored'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'safety-restored-sv');
  });

  it('passes axe on every screen, with no page errors and no outbound request', () => {
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(6);
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
