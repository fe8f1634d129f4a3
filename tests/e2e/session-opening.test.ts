import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import type { SessionSummary } from '../../src/contracts/http';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import type { FacilitatorPage } from './pages/facilitator-page';
import { openLaptopRoom, type LaptopRoom } from './support/laptop-room';

const TITLE = 'Långsam start';

/**
 * The cockpit acts on the session's agenda, which arrives with the control document's first sync.
 * Until it has arrived the session says it is opening, instead of showing an empty agenda on which
 * "N" (next step) would silently do nothing. Once this device holds a copy, the copy is enough.
 */
describe('opening a session whose agenda is still on the way', () => {
  let room: LaptopRoom;
  let facilitator: FacilitatorPage;
  /** Whether the host's messages on the control socket are held back, or the socket refused. */
  let holding = true;
  let refusing = false;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    room = await openLaptopRoom();
    facilitator = room.facilitator;
    // Only the control document is slowed: the board and the vault connect as usual.
    await facilitator.page.routeWebSocket(/\/sync\/[^/]+\/control/, (page: WebSocketRoute) => {
      if (refusing) {
        void page.close({ code: 1001, reason: 'offline' });
        return;
      }
      const host = page.connectToServer();
      page.onMessage((message) => host.send(message));
      host.onMessage((message) => {
        if (holding) held.push(() => page.send(message));
        else page.send(message);
      });
      host.onClose((code, reason) => void page.close({ code, reason }));
      page.onClose((code, reason) => void host.close({ code, reason }));
    });
    await room.host.api.json<SessionSummary>('POST', '/api/sessions', { title: TITLE, template: 'co-design-2h-sv' }, 201);
  });

  afterAll(async () => {
    await room?.close();
  });

  it('says it is opening until the agenda has arrived, then takes the run keys', async () => {
    const { page } = facilitator;
    await facilitator.open(room.host.host.url, room.host.host.facilitatorToken);
    await facilitator.openSession(TITLE);
    const opening = page.getByRole('status').filter({ hasText: 'Hämtar sessionen' });
    await opening.waitFor();
    expect(await page.getByRole('tab', { name: 'Genomför' }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'session-opening-sv');
    // A key pressed meanwhile does nothing, and breaks nothing.
    await facilitator.press('n');

    holding = false;
    for (const send of held.splice(0)) send();
    await opening.waitFor({ state: 'detached' });
    await facilitator.showRun();
    await expect.poll(() => facilitator.agendaSteps().count()).toBeGreaterThan(3);
    expect(await facilitator.stepTitle().count()).toBe(0);
    await facilitator.press('n');
    await expect.poll(() => facilitator.stepEyebrow().innerText()).toContain('Steg 1');
    expect(room.pageErrors).toEqual([]);
  });

  it('opens from this device’s own copy when the host cannot be reached', async () => {
    const { page } = facilitator;
    refusing = true;
    await page.reload(); // stays on the session (#s=…)
    await facilitator.showRun();
    await expect.poll(() => facilitator.stepEyebrow().innerText()).toContain('Steg 1');
    expect(await page.getByTestId('connection-status').innerText()).not.toContain('Ansluten');
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
