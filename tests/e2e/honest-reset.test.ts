import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStep } from '../../src/core/workshop/agenda';
import { selectNotes } from '../../src/core/workshop/board';
import { goToStep, selectRunState, setLocked } from '../../src/core/workshop/run-state';
import { CLOSE_CODES } from '../../src/contracts/sync';
import { connectClient, type YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';
import { LAN_HOST } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { openPhoneRoom, type PhoneRoom } from './support/phone-room';

/**
 * Issue #7, "an honest client whose offline edits are refused must not loop re-sending them": a
 * phone loses the network, its person writes a note, the facilitator locks the step meanwhile, the
 * network comes back. The host refuses the note (4403); the phone must reset to the host's board
 * once, not send the refused note again and again, and show the person the words that did not get
 * through so they can copy them.
 *
 * The network is cut between page and host with Playwright's WebSocket routing: every sync socket
 * of the phone goes through it, so "offline" closes them and refuses new ones, exactly as a
 * dropped Wi-Fi does, while the host keeps running for the facilitator.
 */
describe('an honest reset after a refused offline write', () => {
  let room: PhoneRoom;
  let control: YClient;
  let facBoard: YClient;

  beforeAll(async () => {
    room = await openPhoneRoom();
  });

  afterAll(async () => {
    control?.destroy();
    facBoard?.destroy();
    await room?.close();
  });

  it('refuses the offline note once, shows its words, and the phone shows the host’s board', async () => {
    const { phone, wifi, host: t } = room;
    const session = await t.api.createSession('Ärlig återställning');
    const { joinCode } = await t.api.share(session.id);
    control = connectClient(t.host.url, session.id, 'control', t.host.facilitatorToken);
    facBoard = connectClient(t.host.url, session.id, 'board', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
    const step = addStep(control.doc, { type: 'note-board', title: 'Vad är viktigt för dig?', minutes: 10 });
    goToStep(control.doc, step.id);

    await phone.joinWithCode(`http://${LAN_HOST}:${room.port}`, joinCode, 'Anna', 'patient');
    await phone.waitForStep('Vad är viktigt för dig?');
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await phone.write('Att bli lyssnad på');
    await waitFor(() => selectNotes(facBoard.doc).length === 1, 'the first note at the host');

    // The Wi-Fi drops; Anna writes on; the facilitator locks the step meanwhile.
    await wifi.goOffline();
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Återansluter|Ansluter/);
    await phone.write('Skrivet utan nät: att få vara med och bestämma');
    await expect.poll(() => phone.noteTexts()).toContain('Skrivet utan nät: att få vara med och bestämma');
    setLocked(control.doc, true);
    await waitFor(() => selectRunState(control.doc).locked, 'locked');

    // The Wi-Fi comes back.
    wifi.comeBack();
    const notice = phone.page.getByTestId('not-accepted');
    await notice.waitFor({ timeout: 20_000 });
    expect(wifi.hostCloses.filter((c) => c === CLOSE_CODES.forbidden)).toHaveLength(1);
    await expect.poll(() => notice.getByLabel('Din text').inputValue()).toBe('Skrivet utan nät: att få vara med och bestämma');
    await expect.poll(() => notice.innerText()).toMatch(/facilitatorn/);

    // The board is the host's again, the connection is up, and nothing is sent again.
    await expect.poll(() => phone.noteTexts()).toEqual(['Att bli lyssnad på']);
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await expect.poll(() => phone.lockedNotice().count()).toBe(1);
    await screenshot(phone.page, 'honest-reset-sv-phone');
    expect(await seriousAxeFindings(phone.page)).toEqual([]);
    await phone.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => notice.innerText()).toMatch(/did not get through/);
    await screenshot(phone.page, 'honest-reset-en-phone');
    await phone.page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => notice.innerText()).toMatch(/kom inte fram/);
    await phone.page.waitForTimeout(4000);
    expect(wifi.hostCloses.filter((c) => c === CLOSE_CODES.forbidden)).toHaveLength(1);
    expect(selectNotes(facBoard.doc).map((n) => n.text)).toEqual(['Att bli lyssnad på']);
    // The words are also back in the writing box, kept until the step opens again.
    expect(await phone.composer().inputValue()).toBe('Skrivet utan nät: att få vara med och bestämma');

    // A reload does not bring the refused note back either: the device's copy was replaced.
    await phone.page.getByRole('button', { name: 'Okej' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await phone.page.reload();
    await phone.waitForStep('Vad är viktigt för dig?');
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await phone.page.waitForTimeout(1500);
    expect(await phone.noteTexts()).toEqual(['Att bli lyssnad på']);
    expect(wifi.hostCloses.filter((c) => c === CLOSE_CODES.forbidden)).toHaveLength(1);

    // Once the facilitator opens the step again, the kept words can simply be sent.
    setLocked(control.doc, false);
    await expect.poll(() => phone.lockedNotice().count()).toBe(0);
    await phone.page.getByRole('button', { name: 'Skicka' }).click();
    await waitFor(() => selectNotes(facBoard.doc).length === 2, 'the kept note sent after unlocking');
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
