import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStep } from '../../src/core/workshop/agenda';
import { addNote, editNote, selectNotes } from '../../src/core/workshop/board';
import { historyWeight } from '../../src/core/workshop/fresh-lineage';
import { goToStep } from '../../src/core/workshop/run-state';
import { CLOSE_CODES } from '../../src/contracts/sync';
import type { TestHost } from '../helpers/test-host';
import { connectClient, type YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';
import { LAN_HOST } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { openPhoneRoom, type PhoneRoom } from './support/phone-room';

const FACILITATOR = { role: 'facilitator', anonymous: false } as const;
/** Rounds of the facilitator editing two notes back and forth: enough history for a fresh lineage. */
const ROUNDS = 12_000;

/**
 * A long workshop's board gets a fresh lineage when its session closes (docs/performance.md,
 * scenario 4). A phone that held the old board in IndexedDB, and wrote a note while the host was
 * restarting, comes back: the host refuses its copy once (4409), the phone drops it, syncs the
 * fresh board, and sends the note it wrote meanwhile. Nothing is lost, nothing is doubled.
 */
describe('a phone with a copy of the board from before a fresh lineage', () => {
  let room: PhoneRoom;
  const clients: YClient[] = [];

  beforeAll(async () => {
    room = await openPhoneRoom({ timeoutMs: 20_000 });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await room?.close();
  });

  const connect = (host: TestHost, sessionId: string, doc: 'control' | 'board'): YClient => {
    const c = connectClient(host.host.url, sessionId, doc, host.host.facilitatorToken);
    clients.push(c);
    return c;
  };

  it('refuses the old copy once, keeps the note written meanwhile, and shows the board once', async () => {
    const { phone, wifi } = room;
    let t = room.host;
    const session = await t.api.createSession('Lång workshop');
    const { joinCode } = await t.api.share(session.id);
    const control = connect(t, session.id, 'control');
    const facBoard = connect(t, session.id, 'board');
    await Promise.all([control.whenSynced(), facBoard.whenSynced()]);
    const step = addStep(control.doc, { type: 'note-board', title: 'Vad behöver du från oss?', minutes: 10 });
    goToStep(control.doc, step.id);

    await phone.joinWithCode(`http://${LAN_HOST}:${room.port}`, joinCode, 'Anna', 'patient');
    await phone.waitForStep('Vad behöver du från oss?');
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await phone.write('Att någon ringer tillbaka');
    // A long day: the facilitator's two notes are edited back and forth thousands of times.
    const place = { stepId: step.id };
    const [one, two] = [addNote(facBoard.doc, 'Tema: väntan', FACILITATOR, Date.now(), place), addNote(facBoard.doc, 'Tema: besked', FACILITATOR, Date.now(), place)];
    facBoard.doc.transact(() => {
      for (let i = 0; i < ROUNDS; i++) {
        editNote(facBoard.doc, one.id, `Tema: väntan (${i})`);
        editNote(facBoard.doc, two.id, `Tema: besked (${i})`);
      }
    });
    const last = [`Tema: väntan (${ROUNDS - 1})`, `Tema: besked (${ROUNDS - 1})`];
    await expect.poll(() => phone.noteTexts(), { timeout: 30_000 }).toEqual(expect.arrayContaining([...last, 'Att någon ringer tillbaka']));

    // The Wi-Fi drops; the host restarts meanwhile (closing compacts the board into a fresh lineage); Anna writes on.
    await wifi.goOffline();
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Återansluter|Ansluter/);
    for (const c of clients.splice(0)) c.destroy();
    const stopped = t;
    t = await room.restartHost();
    expect(stopped.logs.some((line) => line.includes('fresh lineage'))).toBe(true);
    await phone.write('Skrivet medan datorn startade om');
    await expect.poll(() => phone.noteTexts()).toContain('Skrivet medan datorn startade om');

    // The Wi-Fi comes back: one 4409, then the fresh board with the note written meanwhile.
    wifi.comeBack();
    const fresh = connect(t, session.id, 'board');
    await fresh.whenSynced();
    await waitFor(() => selectNotes(fresh.doc).some((n) => n.text === 'Skrivet medan datorn startade om'), 'the note written meanwhile at the host', 30_000);
    expect(wifi.hostCloses.filter((c) => c === CLOSE_CODES.staleCopy)).toHaveLength(1);
    const expected = ['Skrivet medan datorn startade om', ...last, 'Att någon ringer tillbaka'].sort();
    expect(selectNotes(fresh.doc).map((n) => n.text).sort()).toEqual(expected);
    await expect.poll(() => phone.noteTexts().then((texts) => texts.slice().sort())).toEqual(expected);
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    expect(historyWeight(t.host.manager.open(session.id).rooms.board.doc).deleted).toBe(0);

    // A reload starts from the device's new copy: no second refusal, nothing doubled.
    await phone.page.reload();
    await phone.waitForStep('Vad behöver du från oss?');
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await phone.page.waitForTimeout(1500);
    expect((await phone.noteTexts()).slice().sort()).toEqual(expected);
    expect(wifi.hostCloses.filter((c) => c === CLOSE_CODES.staleCopy)).toHaveLength(1);
    expect(selectNotes(fresh.doc)).toHaveLength(4);
    await screenshot(phone.page, 'fresh-lineage-sv-phone');
    expect(await seriousAxeFindings(phone.page)).toEqual([]);
    expect(room.pageErrors).toEqual([]);
    expect(room.outbound).toEqual([]);
  });
});
