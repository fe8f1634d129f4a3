import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { resolve } from 'node:path';
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
 * Issue #2 end to end: a facilitator creates and shares a session; a participant on a phone joins
 * with the code through a non-loopback host name (not a secure context, as on a LAN); notes flow
 * both ways; a reload keeps them; taking the host down and up again loses nothing.
 */
describe('join with a code and write on a shared board', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  let facilitatorContext: BrowserContext;
  let participantContext: BrowserContext;
  let facilitator: FacilitatorPage;
  let participant: ParticipantPage;
  const outbound: string[] = [];
  const axeFindings: Record<string, string[]> = {};

  async function start(): Promise<void> {
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
  }

  beforeAll(async () => {
    port = await freePort();
    await start();
    browser = await launchBrowser();
    facilitatorContext = await browser.newContext({ ...LAPTOP, locale: 'sv-SE' });
    participantContext = await browser.newContext({ ...PHONE, locale: 'sv-SE' });
    facilitatorContext.setDefaultTimeout(10_000);
    participantContext.setDefaultTimeout(10_000);
    forbidOutbound(facilitatorContext, outbound);
    forbidOutbound(participantContext, outbound);
    facilitator = new FacilitatorPage(await facilitatorContext.newPage());
    participant = new ParticipantPage(await participantContext.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('lets the facilitator create a session and open it to the room', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.page.getByRole('button', { name: 'Ny session' }).first().waitFor();
    axeFindings['session list (empty)'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'facilitator-sessions-empty-sv');
    expect(new URL(facilitator.page.url()).hash).not.toContain('token');

    await facilitator.createSession('Hjärtsviktsmottagningen');
    await facilitator.page.getByRole('button', { name: 'Öppna för rummet' }).waitFor();
    axeFindings['session view'] = await seriousAxeFindings(facilitator.page);
  });

  let code = '';
  it('shows a join URL, a QR code and a short code', async () => {
    const shared = await facilitator.shareOnLoopback();
    code = shared.code;
    expect(code).toMatch(/^\d{6}$/);
    expect(shared.url).toContain('#join=');
    await expect.poll(() => facilitator.page.locator('img[src^="data:image/svg+xml"]').count()).toBeGreaterThan(0);
    axeFindings['share dialog'] = await seriousAxeFindings(facilitator.page);
    await screenshot(facilitator.page, 'facilitator-share-sv');
    await facilitator.page.keyboard.press('Escape');
  });

  it('lets a participant on a phone join with the code through a LAN host name', async () => {
    const base = `http://${LAN_HOST}:${port}`;
    await participant.page.goto(`${base}/`);
    expect(await participant.page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext)).toBe(false);
    axeFindings['join with code'] = await seriousAxeFindings(participant.page);
    await screenshot(participant.page, 'participant-code-phone-sv');
    await participant.page.getByLabel('Kod').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await participant.page.getByRole('button', { name: 'Fortsätt' }).click();
    await participant.page.getByLabel('Vad vill du kallas?').waitFor();
    axeFindings['name and role'] = await seriousAxeFindings(participant.page);
    await screenshot(participant.page, 'participant-identify-phone-sv');
    await participant.identify('Anna', 'patient');
    await participant.page.getByLabel('Skriv din tanke här').waitFor();
    await expect.poll(() => participant.connectionStatus().innerText()).toMatch(/Ansluten/);
  });

  it('carries notes both ways within a fraction of a second, with presence', async () => {
    await participant.write('Jag vill bli sedd som en hel människa');
    await expect.poll(() => facilitator.notes().allInnerTexts(), { timeout: 5000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('Jag vill bli sedd som en hel människa')]),
    );
    await facilitator.write('Tack! Berätta mer om vad det betyder.');
    await expect.poll(() => participant.notes().allInnerTexts(), { timeout: 5000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('Tack! Berätta mer')]),
    );
    await expect.poll(() => facilitator.page.getByTestId('presence').innerText()).toContain('Anna');
    axeFindings['participant board'] = await seriousAxeFindings(participant.page);
    axeFindings['facilitator board'] = await seriousAxeFindings(facilitator.page);
    await screenshot(participant.page, 'participant-board-phone-sv');
    await screenshot(facilitator.page, 'facilitator-board-sv');
  });

  it('keeps everything across a reload', async () => {
    await participant.page.reload();
    await expect.poll(() => participant.notes().count()).toBe(2);
    await facilitator.page.reload();
    await expect.poll(() => facilitator.notes().count()).toBe(2);
  });

  it('loses nothing when the host goes down and comes back', async () => {
    await t.stop();
    await expect.poll(() => participant.connectionStatus().innerText(), { timeout: 10_000 }).toMatch(/Återansluter|Ansluter/);
    await participant.write('Skrivet medan värden var nere');
    await expect.poll(() => participant.notes().count()).toBe(3);
    await screenshot(participant.page, 'participant-offline-phone-sv');
    await start();
    await expect.poll(() => participant.connectionStatus().innerText(), { timeout: 15_000 }).toMatch(/Ansluten/);
    await expect.poll(() => facilitator.notes().allInnerTexts(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('Skrivet medan värden var nere')]),
    );
    await participant.page.reload();
    await expect.poll(() => participant.notes().count()).toBe(3);
  });

  it('passes axe on every screen with no serious or critical findings, and makes no outbound request', () => {
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(6);
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
    expect(outbound).toEqual([]);
  });
});
