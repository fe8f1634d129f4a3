import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { seriousAxeFindings } from './support/axe';
import type { FacilitatorPage } from './pages/facilitator-page';
import { openLaptopRoom, type LaptopRoom } from './support/laptop-room';


/** "Ångra" says what it would take back in the language shown now, not the one the action was taken in. */
describe('the undo label follows the language', () => {
  let room: LaptopRoom;
  let facilitator: FacilitatorPage;

  beforeAll(async () => {
    room = await openLaptopRoom();
    facilitator = room.facilitator;
  });

  afterAll(async () => {
    await room?.close();
  });

  /** The words beside the button ("Senast: …"), which also describe it to a screen reader. */
  function what(): Locator {
    return facilitator.page.locator('.undo-what');
  }

  it('switches the label of actions taken in Swedish to English and back', async () => {
    await facilitator.open(room.host.host.url, room.host.host.facilitatorToken);
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
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
