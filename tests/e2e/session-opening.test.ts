import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import type { SessionSummary } from '../../src/contracts/http';
import { addStep } from '../../src/core/workshop/agenda';
import { goToStep } from '../../src/core/workshop/run-state';
import { connectClient, type YClient } from '../helpers/yjs-client';
import { LAN_HOST, PHONE } from './support/browser';
import { openHostAndPage, type HostAndPage } from './support/host-and-page';
import { ParticipantPage } from './pages/participant-page';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import type { FacilitatorPage } from './pages/facilitator-page';
import { openLaptopRoom, type LaptopRoom } from './support/laptop-room';

const TITLE = 'Långsam start';

/**
 * Routes the page's control socket through Playwright: while `holding`, the host's messages on it
 * are kept in `held` (in order) instead of delivered; while `refusing`, the socket is closed at once,
 * as when the host cannot be reached; the next `answersToLose` sync answers (step 2) are dropped.
 * The board and the vault connect as usual. `mode` is read at each message: the test changes it.
 */
async function slowControl(
  page: Page,
  mode: { holding: boolean; refusing: boolean; answersToLose?: number },
  held: (() => void)[],
): Promise<void> {
  await page.routeWebSocket(/\/sync\/[^/]+\/control/, (socket: WebSocketRoute) => {
    if (mode.refusing) {
      void socket.close({ code: 1001, reason: 'offline' });
      return;
    }
    const host = socket.connectToServer();
    socket.onMessage((message) => host.send(message));
    host.onMessage((message) => {
      // y-websocket's sync step 2 (message type 0, sync type 1): the host's answer, lost on the way.
      if (mode.answersToLose && typeof message !== 'string' && message[0] === 0 && message[1] === 1) {
        mode.answersToLose -= 1;
        return;
      }
      if (mode.holding) held.push(() => socket.send(message));
      else socket.send(message);
    });
    host.onClose((code, reason) => void socket.close({ code, reason }));
    socket.onClose((code, reason) => void host.close({ code, reason }));
  });
}

/**
 * The cockpit acts on the session's agenda, which arrives with the control document's first sync.
 * Until it has arrived the session says it is opening, instead of showing an empty agenda on which
 * "N" (next step) would silently do nothing. Once this device holds a copy, the copy is enough.
 */
describe('opening a session whose agenda is still on the way', () => {
  let room: LaptopRoom;
  let facilitator: FacilitatorPage;
  /** Whether the host's messages on the control socket are held back, dropped, or the socket refused. */
  const mode = { holding: true, refusing: false, answersToLose: 0 };
  const held: (() => void)[] = [];

  beforeAll(async () => {
    room = await openLaptopRoom();
    facilitator = room.facilitator;
    await slowControl(facilitator.page, mode, held);
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

    mode.holding = false;
    for (const send of held.splice(0)) send();
    await opening.waitFor({ state: 'detached' });
    await facilitator.showRun();
    await expect.poll(() => facilitator.agendaSteps().count()).toBeGreaterThan(3);
    expect(await facilitator.stepTitle().count()).toBe(0);
    await facilitator.press('n');
    await expect.poll(() => facilitator.stepEyebrow().innerText()).toContain('Steg 1');
    expect(room.pageErrors).toEqual([]);
  });

  it('asks the host again when its sync answer is lost on the way', async () => {
    const { page } = facilitator;
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // A session this browser has no copy of: only the host's answer can open it.
    await room.host.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Tappat svar', template: 'co-design-2h-sv' }, 201);
    mode.answersToLose = 1;
    await facilitator.open(room.host.host.url, room.host.host.facilitatorToken);
    await facilitator.openSession('Tappat svar');
    const opening = page.getByRole('status').filter({ hasText: 'Hämtar sessionen' });
    await opening.waitFor();
    await expect.poll(() => mode.answersToLose).toBe(0);
    await opening.waitFor({ state: 'detached', timeout: 15_000 });
    await facilitator.showRun();
    await expect.poll(() => facilitator.agendaSteps().count()).toBeGreaterThan(3);
    expect(warnings).toEqual([expect.stringMatching(/control got no sync answer in 5000 ms; asking again/)]);
    expect(room.pageErrors).toEqual([]);
    // Back to the first session for the next test.
    await facilitator.open(room.host.host.url, room.host.host.facilitatorToken);
    await facilitator.openSession(TITLE);
    await facilitator.showRun();
  });

  it('opens from this device’s own copy when the host cannot be reached', async () => {
    const { page } = facilitator;
    mode.refusing = true;
    await page.reload(); // stays on the session (#s=…)
    await facilitator.showRun();
    await expect.poll(() => facilitator.stepEyebrow().innerText()).toContain('Steg 1');
    expect(await page.getByTestId('connection-status').innerText()).not.toContain('Ansluten');
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});

/**
 * On a phone the free board would show until the running step arrives, and a note written there
 * would be refused for not being in that step: on slow Wi-Fi that window lasts seconds.
 */
describe('a phone joining while the running step is on the way', () => {
  let room: HostAndPage;
  let control: YClient | null = null;
  const mode = { holding: true, refusing: false };
  const held: (() => void)[] = [];

  beforeAll(async () => {
    room = await openHostAndPage({ device: PHONE });
    await slowControl(room.page, mode, held);
  });

  afterAll(async () => {
    control?.destroy();
    await room?.close();
  });

  it('says it is opening, offers nothing to write, then shows the step', async () => {
    const t = room.host;
    const session = await t.api.createSession('Vårdcentralen');
    const { joinCode } = await t.api.share(session.id);
    control = connectClient(t.host.url, session.id, 'control', t.host.facilitatorToken);
    await control.whenSynced();
    goToStep(control.doc, addStep(control.doc, { type: 'note-board', title: 'Vad är viktigt för dig?', minutes: 10 }).id);

    const phone = new ParticipantPage(room.page);
    await phone.joinWithCode(`http://${LAN_HOST}:${new URL(t.host.url).port}`, joinCode, 'Anna', 'patient');
    const opening = room.page.getByRole('status').filter({ hasText: 'Hämtar sessionen' });
    await opening.waitFor();
    expect(await phone.composer().count()).toBe(0);
    expect(await seriousAxeFindings(room.page)).toEqual([]);
    await screenshot(room.page, 'session-opening-sv-phone');

    mode.holding = false;
    for (const send of held.splice(0)) send();
    await phone.waitForStep('Vad är viktigt för dig?');
    await phone.composer().waitFor();
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
