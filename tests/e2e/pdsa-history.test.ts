import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import type { RevisionSummary } from '../../src/contracts/improvements';
import type { Improvement } from '../../src/core/improvement/model';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const WAIT = { timeout: 15_000 };

const AIM_FIRST = 'Alla patienter med hjärtsvikt vet sitt nästa steg när de går från besöket, senast i juni.';
const AIM_SECOND = 'Hälften av patienterna vet sitt nästa steg.';
const AIM_OVERWRITTEN = 'Kolla med Bo';

/** Presses Tab until the focused element's text starts with `name`. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    if (focused.startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/**
 * "Nothing saved is ever lost", used by a facilitator: an improvement saved three times (the last
 * time a colleague overwrote the aim) shows its versions newest first with what each changed; the
 * first save is previewed and restored with the keyboard; the host then holds it as a new revision,
 * and neither the autosave nor a reload puts the overwritten aim back.
 */
describe('PDSA: earlier versions of an improvement, and restoring one', () => {
  let t: TestHost;
  let browser: Browser;
  let page: Page;
  let id = '';
  const outbound: string[] = [];
  const pageErrors: string[] = [];

  async function save(change: (i: Improvement) => void): Promise<Improvement> {
    const current = await t.api.json<Improvement>('GET', `/api/improvements/${id}`);
    const next = structuredClone(current);
    change(next);
    return t.api.json<Improvement>('PUT', `/api/improvements/${id}`, { revision: current.revision, improvement: next });
  }

  beforeAll(async () => {
    t = await startTestHost({ staticDir: STATIC_DIR });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    forbidOutbound(context, outbound);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    id = (await t.api.json<Improvement>('POST', '/api/improvements', { title: 'Tryggare hemgång' }, 201)).id;
    await save((i) => {
      i.aim.text = AIM_FIRST;
      i.measures.push({
        id: 'm1',
        name: 'Andel patienter som vet sitt nästa steg',
        kind: 'outcome',
        definition: '',
        unit: '%',
        direction: 'up',
        points: [
          { id: 'p1', date: '2026-01-05', value: 42 },
          { id: 'p2', date: '2026-01-12', value: 38.5 },
          { id: 'p3', date: '2026-01-19', value: 45 },
        ],
      });
    });
    await save((i) => {
      i.aim.text = AIM_SECOND;
      i.changeIdeas.push({ id: 'i1', text: 'En skriftlig plan för nästa steg', createdAt: Date.now(), origins: [] });
    });
    await save((i) => {
      i.aim.text = AIM_OVERWRITTEN;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('lists the versions, previews the first save and restores it as a new revision', async () => {
    await page.goto(`${t.host.url}/#token=${t.host.facilitatorToken}`);
    await page.goto(`${t.host.url}/#improvement=${id}`);
    const aim = page.getByLabel('Vårt mål');
    await expect.poll(() => aim.inputValue(), WAIT).toBe(AIM_OVERWRITTEN);

    await page.getByTestId('improvement-title').click(); // a start for Tab that is not a field
    await tabTo(page, 'Tidigare versioner');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Tidigare versioner' });
    await dialog.waitFor();

    // Newest first, each with what it changed compared with the one before.
    const rows = dialog.getByRole('list', { name: 'Sparade versioner, nyast först' }).getByRole('button');
    await expect.poll(() => rows.count(), WAIT).toBe(4);
    await expect.poll(() => rows.allInnerTexts(), WAIT).toEqual([
      expect.stringMatching(/^Version 4\s+nuvarande[\s\S]*mål ändrat$/),
      expect.stringMatching(/^Version 3[\s\S]*mål ändrat · 1 förändringsidé tillagd$/),
      expect.stringMatching(/^Version 2[\s\S]*mål ändrat · 1 mätetal tillagt · 3 mätvärden tillagda$/),
      expect.stringMatching(/^Version 1[\s\S]*skapat$/),
    ]);
    // The newest is chosen at first and cannot be restored onto itself.
    await expect.poll(() => dialog.getByTestId('history-preview-aim').innerText(), WAIT).toBe(AIM_OVERWRITTEN);
    expect(await dialog.getByTestId('history-restore').count()).toBe(0);

    // The first save (revision 1, "Version 2"), chosen with the keyboard.
    await tabTo(page, 'Version 2');
    await page.keyboard.press('Enter');
    expect(await rows.nth(2).getAttribute('aria-pressed')).toBe('true');
    const preview = dialog.getByTestId('history-preview');
    await expect.poll(() => preview.getByTestId('history-preview-aim').innerText(), WAIT).toBe(AIM_FIRST);
    expect(await preview.getByTestId('history-preview-counts').innerText()).toMatch(/1 mätetal[\s\S]*3 mätvärden[\s\S]*0 förändringsidéer[\s\S]*0 PGSA-cykler/);

    await tabTo(page, 'Återställ den här versionen');
    await page.keyboard.press('Enter');
    const confirm = dialog.getByRole('button', { name: 'Ja, återställ version 2' });
    await confirm.waitFor();
    // The confirm step takes focus: Enter completes it, Tab reaches "Avbryt".
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'improvement-history-sv');

    // Nothing is restored until the confirm: the host is still at revision 3.
    expect((await t.api.json<Improvement>('GET', `/api/improvements/${id}`)).revision).toBe(3);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('history-restored').innerText(), WAIT).toBe('Version 2 är återställd och sparad som version 5.');
    expect(await aim.inputValue()).toBe(AIM_FIRST);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await screenshot(page, 'improvement-history-restored-sv');

    const restored = await t.api.json<Improvement>('GET', `/api/improvements/${id}`);
    expect(restored.revision).toBe(4);
    expect(restored.aim.text).toBe(AIM_FIRST);
    expect(restored.measures[0]?.points.map((p) => p.value)).toEqual([42, 38.5, 45]);
    expect(restored.changeIdeas).toEqual([]);
    const revisions = await t.api.json<RevisionSummary[]>('GET', `/api/improvements/${id}/revisions`);
    expect(revisions.map((r) => r.revision)).toEqual([4, 3, 2, 1, 0]);
    // The overwritten version is kept too: it can be brought back the same way.
    expect((await t.api.json<Improvement>('GET', `/api/improvements/${id}/revisions/3`)).aim.text).toBe(AIM_OVERWRITTEN);
    expect((await t.api.request('GET', `/api/improvements/${id}/revisions/99`)).status).toBe(404);
  });

  it('the restored version stays: no autosave or stored draft writes the old aim back', async () => {
    // Longer than the autosave pause (1.5 s), then a reload that would put back a stale stored draft.
    await page.waitForTimeout(2_500);
    await page.reload();
    const aim = page.getByLabel('Vårt mål');
    await expect.poll(() => aim.inputValue(), WAIT).toBe(AIM_FIRST);
    expect(await page.getByText('Någon annan sparade samtidigt').count()).toBe(0);
    await page.waitForTimeout(2_000);
    const current = await t.api.json<Improvement>('GET', `/api/improvements/${id}`);
    expect(current.revision).toBe(4);
    expect(current.aim.text).toBe(AIM_FIRST);
    expect(outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
