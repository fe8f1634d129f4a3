import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import type { FacilitatorPage } from './pages/facilitator-page';
import { openLaptopRoom, type LaptopRoom } from './support/laptop-room';

const SHOTS = 'run-toolbar';

/**
 * The row above the cockpit (Ångra, Förbättringsarbeten, the projector's buttons, Exportera) while
 * a shared session runs, on a laptop: at 1280 px it is one line; narrower it wraps whole buttons.
 */
describe('the session toolbar in Genomför', () => {
  let room: LaptopRoom;
  let facilitator: FacilitatorPage;

  beforeAll(async () => {
    room = await openLaptopRoom();
    facilitator = room.facilitator;
  });

  afterAll(async () => {
    await room?.close();
  });

  /** The row's buttons (every control in it is a button), in document order. */
  function toolbarButtons(): Locator {
    return facilitator.page.locator('.mode-tabs-extra').getByRole('button');
  }

  async function tops(): Promise<number[]> {
    return toolbarButtons().evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
  }

  it('fits on one line at 1280×800, with the undo label showing and the session shared', async () => {
    await facilitator.open(room.host.host.url, room.host.host.facilitatorToken);
    await facilitator.createSessionFromTemplate('Hjärtsviktsmottagningen, vår 2025', 'Samskapande workshop, 2 timmar');
    await facilitator.shareOnLoopback();
    await facilitator.closeShareDialog();
    await facilitator.showRun();
    await facilitator.press('n');
    await expect.poll(() => facilitator.page.locator('.undo-what').innerText()).toBe('Senast: Gå till Välkommen och syfte');
    await facilitator.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(facilitator.page, `${SHOTS}-1280`);

    const exportButton = facilitator.page.getByRole('button', { name: 'Exportera' });
    const [first] = await tops();
    const exportTop = await exportButton.evaluate((b) => Math.round(b.getBoundingClientRect().top));
    expect(exportTop).toBe(first);
    expect(new Set(await tops()).size).toBe(1);
    expect(await seriousAxeFindings(facilitator.page)).toEqual([]);

    // English labels are longer in places ("Show the code on the projector"): one line still.
    await facilitator.chooseLanguage('English');
    await facilitator.page.getByRole('button', { name: 'Export', exact: true }).waitFor();
    await screenshot(facilitator.page, `${SHOTS}-1280-en`);
    expect(new Set(await tops()).size).toBe(1);
    await facilitator.chooseLanguage('Svenska');
    await exportButton.waitFor();
  });

  it('wraps whole buttons at 1024×768 and on a narrow window, hiding none', async () => {
    const count = await toolbarButtons().count();
    for (const [width, height, name] of [[1024, 768, '1024'], [700, 800, '700']] as const) {
      await facilitator.page.setViewportSize({ width, height });
      await facilitator.page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(facilitator.page, `${SHOTS}-${name}`);
      expect(await toolbarButtons().count()).toBe(count);
      const boxes = await toolbarButtons().evaluateAll((buttons) =>
        buttons.map((b) => {
          const r = b.getBoundingClientRect();
          return { left: r.left, right: r.right, height: r.height, width: r.width, text: b.textContent ?? '' };
        }),
      );
      for (const box of boxes) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(0);
        expect(box.right, box.text).toBeLessThanOrEqual(width);
        expect(box.width, box.text).toBeGreaterThan(0);
      }
      // No button breaks its own label over two lines: each is as tall as the shortest.
      const heights = boxes.map((b) => Math.round(b.height));
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(2);
    }
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
