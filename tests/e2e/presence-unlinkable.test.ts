import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import { isPresenceUser, type PresenceUser } from '../../src/core/presence';
import { selectNotes } from '../../src/core/workshop/board';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { freePort } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient, type YClient } from '../helpers/yjs-client';
import { waitFor } from '../helpers/wait';
import { LAN_HOST, LAPTOP, PHONE, forbidOutbound, launchBrowser } from './support/browser';
import { routePhoneWifi, type PhoneWifi } from './support/phone-wifi';
import { FacilitatorPage } from './pages/facilitator-page';
import { ParticipantPage } from './pages/participant-page';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');

/** The client id Yjs stamped on a note's entry in the board's `notes` map: the device that wrote it. */
function writerOf(doc: Y.Doc, noteId: string): number | undefined {
  const entries = (doc.getMap('notes') as unknown as { _map: Map<string, { id: { client: number } }> })._map;
  return entries.get(noteId)?.id.client;
}

/** Every client id that wrote anything into the document. */
function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()];
}

function presence(client: YClient): [number, PresenceUser][] {
  return [...client.provider.awareness.getStates()]
    .map(([id, state]) => [id, (state as { user?: unknown }).user] as const)
    .filter((entry): entry is [number, PresenceUser] => isPresenceUser(entry[1]));
}

/**
 * docs/SECURITY.md, "Presence names no writer": someone reading the live traffic of a session (a
 * stock client with the facilitator's token reads everything a device could) sees the anonymous
 * närstående in presence, with her role and no name, but cannot tell which notes her device wrote:
 * her presence is keyed by a client id that wrote nothing, before and after her Wi-Fi drops.
 */
describe('presence does not tie a writer to a role', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const clients: YClient[] = [];
  const outbound: string[] = [];
  const pageErrors: string[] = [];
  let facilitator: FacilitatorPage;
  let phone: ParticipantPage;
  let wifi: PhoneWifi;

  async function newPage(options: typeof LAPTOP | typeof PHONE, label: string): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'sv-SE' });
    context.setDefaultTimeout(15_000);
    forbidOutbound(context, outbound);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
    return page;
  }

  beforeAll(async () => {
    port = await freePort();
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
    browser = await launchBrowser();
    facilitator = new FacilitatorPage(await newPage(LAPTOP, 'facilitator'));
    const phonePage = await newPage(PHONE, 'phone');
    wifi = await routePhoneWifi(phonePage);
    phone = new ParticipantPage(phonePage);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('an anonymous person is in presence by role, keyed by an id that wrote none of her notes', async () => {
    const session = await t.api.createSession('Närståendeträff');
    const { joinCode } = await t.api.share(session.id);
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.openSession('Närståendeträff');
    const projector = await facilitator.openProjector();
    await projector.waitUntilShown();
    await phone.joinWithCode(`http://${LAN_HOST}:${port}`, joinCode, null, 'relative');
    await expect.poll(() => phone.connectionStatus().innerText()).toMatch(/Ansluten/);
    await phone.write('Ingen frågade hur jag orkade');

    // Someone reading the live board: the stock client, as devtools would show it.
    const reader = connectClient(t.host.url, session.id, 'board', t.host.facilitatorToken);
    clients.push(reader);
    await reader.whenSynced();
    await waitFor(() => selectNotes(reader.doc).length === 1, 'her note at the reader');
    await waitFor(() => presence(reader).some(([, user]) => user.role === 'relative'), 'her presence at the reader');
    const note = selectNotes(reader.doc)[0]!;
    expect(note).toMatchObject({ text: 'Ingen frågade hur jag orkade', anonymous: true });
    const [[presenceId, user]] = presence(reader).filter(([, u]) => u.role === 'relative') as [[number, PresenceUser]];
    expect(user).toMatchObject({ role: 'relative', name: null });
    const writer = writerOf(reader.doc, note.id);
    expect(writer).toBeTypeOf('number');
    const presenceIds = [...reader.provider.awareness.getStates().keys()];
    expect(presenceIds).not.toContain(writer);
    // Nobody's presence (her, the facilitator's window) is keyed by a client id that wrote anything.
    expect(presenceIds.filter((id) => writers(reader.doc).includes(id))).toEqual([]);

    // Presence still works on the screens: the facilitator sees her by role, unnamed; she sees
    // herself; the projector (which is not in presence itself) counts one person.
    const people = facilitator.page.getByTestId('presence');
    await expect.poll(() => people.innerText()).toContain('Anonym deltagare');
    expect(await people.innerText()).toContain('Närstående');
    const own = phone.page.getByTestId('presence').locator('.presence-person', { hasText: 'Anonym deltagare' });
    await expect.poll(() => own.innerText()).toMatch(/Närstående\s*du/);
    await expect.poll(() => projector.page.locator('.projector-fact').allInnerTexts()).toContain('1 person är här');

    // Her Wi-Fi drops and comes back: she leaves presence and returns under the same id (one id per
    // connection, as the host allows), and what she writes next is not keyed by it either.
    await wifi.goOffline();
    await waitFor(() => !presence(reader).some(([, u]) => u.role === 'relative'), 'her to leave presence');
    wifi.comeBack();
    await expect.poll(() => phone.connectionStatus().innerText(), { timeout: 15_000 }).toMatch(/Ansluten/);
    await waitFor(() => presence(reader).some(([, u]) => u.role === 'relative'), 'her presence again', 15_000);
    expect(presence(reader).filter(([, u]) => u.role === 'relative').map(([id]) => id)).toEqual([presenceId]);
    await phone.write('Jag ville vara med på ronden');
    await waitFor(() => selectNotes(reader.doc).length === 2, 'her second note at the reader');
    const second = selectNotes(reader.doc).find((n) => n.text === 'Jag ville vara med på ronden')!;
    expect([...reader.provider.awareness.getStates().keys()].filter((id) => writers(reader.doc).includes(id))).toEqual([]);
    await expect.poll(() => people.innerText()).toContain('Anonym deltagare');

    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
