import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
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
import type { ProjectorPage } from './pages/projector-page';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const TEMPLATE = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/templates/co-design-2h.sv.json'), 'utf8'),
) as { id: string; title: string; steps: { type: string; title: string; instructions: string; groupMode: string }[] };
const STEPS = TEMPLATE.steps;
const WAIT = { timeout: 15_000 };

/** "9:58" or "−0:05" → seconds. */
function seconds(digits: string): number {
  const negative = digits.startsWith('−');
  const [m = 0, s = 0] = digits.replace('−', '').split(':').map(Number);
  return (negative ? -1 : 1) * (m * 60 + s);
}

/**
 * Issue #3 end to end: a facilitator runs the whole two-hour co-design template from the cockpit
 * ("Genomför") with buttons and one-key shortcuts, while three participants follow on their own
 * devices through a LAN host name (not a secure context): Anna (patient, named, phone), an anonymous
 * närstående (laptop) and Bo (medarbetare, named, phone). The projector view follows in a window
 * of the facilitator's browser. Every step type is exercised, every screen passes axe, and each
 * step is photographed from the cockpit and the phone (and, for three steps, in English too).
 */
describe('run a whole session from the two-hour template', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: FacilitatorPage;
  let anna: ParticipantPage;
  let relative: ParticipantPage;
  let bo: ParticipantPage;
  let projector: ProjectorPage;
  let code = '';
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

  /** Axe once per distinct screen. */
  async function axe(screen: string, page: Page): Promise<void> {
    if (screen in axeFindings) return;
    axeFindings[screen] = await seriousAxeFindings(page);
  }

  /** `run-<nn>-<type>-facilitator-<lang>.png` and `run-<nn>-<type>-phone-<lang>.png` (Anna's phone). */
  async function stepShots(index: number, suffix = '', lang = 'sv'): Promise<void> {
    const name = `run-${String(index + 1).padStart(2, '0')}-${STEPS[index]!.type}${suffix}`;
    await facilitator.scrollToToolbar();
    await screenshot(facilitator.page, `${name}-facilitator-${lang}`);
    await screenshot(anna.page, `${name}-phone-${lang}`);
  }

  /** The same step in English on the cockpit and Anna's phone, then back to Swedish. */
  async function englishShots(index: number, suffix = ''): Promise<void> {
    await facilitator.chooseLanguage('English');
    await anna.chooseLanguage('English');
    await facilitator.page.getByRole('toolbar', { name: 'Run the session' }).waitFor();
    await anna.page.getByRole('group', { name: 'Language' }).waitFor();
    await stepShots(index, suffix, 'en');
    await facilitator.chooseLanguage('Svenska');
    await anna.chooseLanguage('Svenska');
    await facilitator.page.getByRole('toolbar', { name: 'Styr sessionen' }).waitFor();
    await anna.page.getByRole('group', { name: 'Språk' }).waitFor();
  }

  /** Moves on with the N key and waits until the cockpit and every phone show the step. */
  async function goToStep(index: number, how: 'key' | 'button' = 'key'): Promise<void> {
    const title = STEPS[index]!.title;
    if (how === 'key') await facilitator.press('n');
    else await facilitator.button(/^Nästa steg/).click();
    await expect.poll(() => facilitator.stepTitle().innerText(), WAIT).toBe(title);
    await Promise.all([anna, relative, bo].map((p) => p.waitForStep(title)));
    await expect.poll(() => projector.stepTitle().innerText(), WAIT).toBe(title);
    await expect(facilitator.stepEyebrow().innerText()).resolves.toContain(`Steg ${index + 1} av ${STEPS.length}`);
  }

  beforeAll(async () => {
    port = await freePort();
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
    browser = await launchBrowser();
    facilitator = new FacilitatorPage(await newPage(LAPTOP, 'facilitator'));
    anna = new ParticipantPage(await newPage(PHONE, 'Anna'));
    relative = new ParticipantPage(await newPage(LAPTOP, 'närstående'));
    bo = new ParticipantPage(await newPage(PHONE, 'Bo'));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('creates a session from the two-hour template in the create form', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.createSessionFromTemplate('Hjärtsviktsmottagningen, vår 2025', TEMPLATE.title);
    await facilitator.run().waitFor();
    await expect.poll(() => facilitator.agendaSteps().count(), WAIT).toBe(STEPS.length);
    const rail = await facilitator.run().getByTestId('agenda-rail').innerText();
    for (const step of STEPS) expect(rail).toContain(step.title);
    expect(facilitator.sessionId()).not.toBe('');
  });

  it('opens it to the room on loopback and three people join with the code', async () => {
    code = (await facilitator.shareOnLoopback()).code;
    expect(code).toMatch(/^\d{6}$/);
    await facilitator.page.keyboard.press('Escape');

    const base = `http://${LAN_HOST}:${port}`;
    await anna.joinWithCode(base, code, 'Anna', 'patient');
    await relative.joinWithCode(base, code, null, 'relative');
    await bo.joinWithCode(base, code, 'Bo', 'staff');
    for (const p of [anna, relative, bo]) {
      await p.composer().waitFor();
      await expect.poll(() => p.connectionStatus().innerText(), WAIT).toMatch(/Ansluten/);
    }
    expect(await anna.page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext)).toBe(false);
    // Two of three are on the patient side (a patient and a närstående).
    await expect.poll(() => facilitator.run().locator('.parity-line').innerText(), WAIT).toContain('67');
    const presence = await facilitator.run().getByTestId('presence').innerText();
    expect(presence).toContain('Anna');
    expect(presence).toContain('Bo');
  });

  it('opens the projector view, which shows the join code', async () => {
    projector = await facilitator.openProjector();
    await projector.waitUntilShown();
    await expect.poll(() => projector.joinCode().innerText(), WAIT).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    await axe('projector: welcome', projector.page);
    await screenshot(projector.page, 'projector-welcome-sv');
  });

  it('step 1 (info): the welcome text shows on the phones, and the time runs the same everywhere', async () => {
    await goToStep(0);
    for (const p of [anna, relative, bo]) {
      await expect.poll(() => p.instructions().innerText(), WAIT).toBe(STEPS[0]!.instructions);
      expect(await p.composer().count()).toBe(0);
    }
    await expect.poll(() => projector.joinCode().count(), WAIT).toBe(1);

    await facilitator.press('Space');
    await expect.poll(() => facilitator.button(/^Pausa tiden/).count(), WAIT).toBe(1);
    await anna.timerDigits().waitFor();
    // It runs: 10:00 goes down.
    await expect.poll(async () => seconds(await facilitator.timerDigits().innerText()), WAIT).toBeLessThan(600);
    const [atFacilitator, atPhone, atProjector] = await Promise.all(
      [facilitator.timerDigits(), anna.timerDigits(), projector.timerDigits()].map(async (l) => seconds(await l.innerText())),
    );
    expect(Math.abs(atPhone! - atFacilitator!)).toBeLessThanOrEqual(2);
    expect(Math.abs(atProjector! - atFacilitator!)).toBeLessThanOrEqual(2);

    await axe('facilitator: info', facilitator.page);
    await axe('phone: info', anna.page);
    await axe('projector: info', projector.page);
    await stepShots(0);
    await screenshot(projector.page, 'projector-info-sv');
  });

  it('undoes a step move with Ctrl+Z, then moves on with the button', async () => {
    await goToStep(1);
    await expect.poll(() => facilitator.page.locator('#run-undo-what').innerText(), WAIT).toContain(STEPS[1]!.title);
    await facilitator.press('Control+z');
    await expect.poll(() => facilitator.stepTitle().innerText(), WAIT).toBe(STEPS[0]!.title);
    await anna.waitForStep(STEPS[0]!.title);
    await goToStep(1, 'button');
  });

  it('step 2 (note board): notes reach the cockpit and the projector; who has answered, by name or as a count', async () => {
    await anna.write('Att bli lyssnad på');
    await relative.write('Att få veta vad som händer härnäst');
    await bo.write('Tid att prata med varje patient');
    const texts = ['Att bli lyssnad på', 'Att få veta vad som händer härnäst', 'Tid att prata med varje patient'];
    await expect.poll(() => facilitator.stepNotes().locator('.note-text').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(texts),
    );
    await expect.poll(() => projector.noteTexts(), WAIT).toEqual(expect.arrayContaining(texts));
    await expect.poll(() => anna.noteTexts(), WAIT).toEqual(expect.arrayContaining(texts));

    // Names of named participants, only a count for the anonymous one.
    await expect.poll(() => facilitator.answered().locator('.answered-count').innerText(), WAIT).toBe('3 av 3 har svarat');
    expect(await facilitator.answeredNames().allInnerTexts()).toEqual(['Anna', 'Bo']);
    await expect(facilitator.answered().innerText()).resolves.toContain('och 1 till utan namn');
  });

  it('step 2: the projector shows who has answered on request, and the join code until it is hidden', async () => {
    await facilitator.run().getByRole('button', { name: 'Visa vem som svarat' }).click();
    await expect.poll(() => projector.page.getByTestId('projector-answered').innerText(), WAIT).toContain('Anna, Bo');
    expect(await projector.page.getByTestId('projector-answered').innerText()).not.toMatch(/Anonym/);

    expect(await projector.joinCode().count()).toBe(1);
    expect(await facilitator.projectorJoinToggle().getAttribute('aria-pressed')).toBe('true');
    await facilitator.projectorJoinToggle().click();
    await expect.poll(() => projector.joinCode().count(), WAIT).toBe(0);

    await axe('facilitator: note-board', facilitator.page);
    await axe('phone: note-board', anna.page);
    await axe('laptop: note-board', relative.page);
    await axe('projector: note-board', projector.page);
    await stepShots(1);
    await screenshot(projector.page, 'projector-note-board-sv');
    await englishShots(1);
  });

  it('step 2: "Dölj" takes a note off every screen and "Återställ" brings it back', async () => {
    await facilitator.hideNote('Att få veta vad som händer härnäst');
    await expect.poll(() => anna.noteTexts(), WAIT).not.toContain('Att få veta vad som händer härnäst');
    await expect.poll(() => projector.noteTexts(), WAIT).not.toContain('Att få veta vad som händer härnäst');
    await expect.poll(() => facilitator.hiddenNotes().locator('summary').innerText(), WAIT).toBe('Dolda (1)');
    await facilitator.restoreNote('Att få veta vad som händer härnäst');
    await expect.poll(() => anna.noteTexts(), WAIT).toContain('Att få veta vad som händer härnäst');
    await expect.poll(() => facilitator.hiddenNotes().locator('summary').innerText(), WAIT).toBe('Dolda (0)');
  });

  it('step 2: L locks input — the phone field turns read-only with a notice, and the draft stays', async () => {
    await anna.composer().fill('Ett utkast som inte är klart');
    await facilitator.press('l');
    await expect.poll(() => facilitator.lockButton().getAttribute('aria-pressed'), WAIT).toBe('true');
    await anna.lockedNotice().waitFor();
    await expect(anna.lockedNotice().innerText()).resolves.toContain('Det du har skrivit finns kvar i rutan.');
    expect(await anna.composer().getAttribute('readonly')).not.toBeNull();
    expect(await anna.composer().inputValue()).toBe('Ett utkast som inte är klart');
    expect(await anna.page.getByRole('button', { name: 'Skicka' }).isDisabled()).toBe(true);
    await expect.poll(() => projector.lockedLine().count(), WAIT).toBe(1);
    await axe('phone: locked', anna.page);
    await screenshot(anna.page, 'run-02-note-board-locked-phone-sv');

    await facilitator.press('l');
    await expect.poll(() => anna.lockedNotice().count(), WAIT).toBe(0);
    expect(await anna.composer().getAttribute('readonly')).toBeNull();
    expect(await anna.composer().inputValue()).toBe('Ett utkast som inte är klart');
    await anna.page.getByRole('button', { name: 'Skicka' }).click();
    await expect.poll(() => facilitator.stepNotes().locator('.note-text').allInnerTexts(), WAIT).toContain(
      'Ett utkast som inte är klart',
    );
  });

  const silent = {
    anna: ['Ingen sa hur länge jag skulle vänta', 'Sköterskan tog sig tid att förklara'],
    relative: ['Svårt att nå mottagningen på telefon'],
    bo: ['Vi hinner sällan fråga vad som är viktigt'],
  };

  it('splits the room into tables in "Planera", mixing roles', async () => {
    await facilitator.splitIntoTables(2);
    await expect.poll(() => facilitator.tableMembers('Bord 1').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(['Anna', 'Anonym deltagare']),
    );
    expect(await facilitator.tableMembers('Bord 2').allInnerTexts()).toEqual(['Bo']);
    await axe('facilitator: plan with tables', facilitator.page);
    await screenshot(facilitator.page, 'run-03-tables-facilitator-sv');
    await facilitator.showRun();
  });

  it('step 3 (silent writing in groups): private until R reveals, then each table sees its notes', async () => {
    await goToStep(2);
    await expect(facilitator.stepEyebrow().innerText()).resolves.toContain('i grupper');
    await expect.poll(() => anna.groupBadge().innerText(), WAIT).toBe('Din grupp: Bord 1');
    await expect.poll(() => bo.groupBadge().innerText(), WAIT).toBe('Din grupp: Bord 2');

    for (const text of silent.anna) await anna.writePrivately(text);
    for (const text of silent.relative) await relative.writePrivately(text);
    for (const text of silent.bo) await bo.writePrivately(text);
    await expect.poll(() => facilitator.privateCount().innerText(), WAIT).toBe('4 svar väntar');

    // Nobody else sees them yet: not the other phones, not the cockpit, not the projector.
    const all = [...silent.anna, ...silent.relative, ...silent.bo];
    expect(await anna.privateAnswers().allInnerTexts()).toEqual(expect.arrayContaining(silent.anna));
    for (const text of silent.anna) {
      expect(await bo.page.locator('body').innerText()).not.toContain(text);
      expect(await relative.page.locator('body').innerText()).not.toContain(text);
    }
    for (const text of all) {
      expect(await facilitator.run().innerText()).not.toContain(text);
      expect(await projector.page.locator('body').innerText()).not.toContain(text);
    }

    await axe('facilitator: silent-writing', facilitator.page);
    await axe('phone: silent-writing', anna.page);
    await axe('projector: silent-writing', projector.page);
    await stepShots(2);
    await screenshot(projector.page, 'projector-silent-writing-sv');
    await englishShots(2);

    await facilitator.press('r');
    await expect.poll(() => facilitator.stepNotes().locator('.note-text').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(all),
    );
    await expect.poll(() => projector.noteTexts(), WAIT).toEqual(expect.arrayContaining(all));
    // Each table reads its own notes: Anna's not Bo's, Bo's not Anna's. (The närstående's note should
    // be at Anna's table too, but an anonymous person is at no table: see the known bug below.)
    await expect.poll(() => anna.noteTexts(), WAIT).toEqual(expect.arrayContaining(silent.anna));
    expect(await anna.noteTexts()).not.toContain(silent.bo[0]);
    await expect.poll(() => bo.noteTexts(), WAIT).toEqual(silent.bo);
    expect(await facilitator.button(/^Visa svaren/).count()).toBe(0);

    await axe('phone: silent-writing revealed', anna.page);
    await stepShots(2, '-revealed');
    await screenshot(projector.page, 'projector-silent-writing-revealed-sv');
  });

  // KNOWN BUG (reported with this test): presence carries no participant id for an anonymous person
  // (by design), so "Planera" seats them by a connection key that matches nothing else. Their phone
  // says they have no table, the host files their notes under no table (so their table never sees
  // them), and they read every table's notes. Remove `.fails` once anonymous people can be seated.
  it('the anonymous närstående, seated at Bord 1 in "Planera", is at Bord 1 on their own device', async () => {
    await expect.poll(() => relative.groupBadge().count(), { timeout: 3000 }).toBe(1);
    await expect(relative.groupBadge().innerText()).resolves.toBe('Din grupp: Bord 1');
  });

  const information = 'Information';
  const care = 'Tid och bemötande';

  it('step 4 (grouping): the facilitator makes headings and places notes; phones and projector follow', async () => {
    await goToStep(3);
    await facilitator.addHeading(information);
    await facilitator.addHeading(care);
    await facilitator.placeNote(silent.anna[0]!, information);
    await facilitator.placeNote(silent.relative[0]!, information);
    await facilitator.placeNote(silent.bo[0]!, care);
    await facilitator.placeNote('Tid att prata med varje patient', care);
    await expect.poll(() => facilitator.clusterNotes(information).allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining([silent.anna[0], silent.relative[0]]),
    );

    for (const screen of [anna, projector]) {
      await expect.poll(() => screen.clusterNotes(information).allInnerTexts(), WAIT).toEqual(
        expect.arrayContaining([silent.anna[0], silent.relative[0]]),
      );
      await expect.poll(() => screen.clusterNotes(care).allInnerTexts(), WAIT).toEqual(
        expect.arrayContaining([silent.bo[0], 'Tid att prata med varje patient']),
      );
    }
    // Phones are read-only here.
    expect(await anna.composer().count()).toBe(0);

    await axe('facilitator: grouping', facilitator.page);
    await axe('phone: grouping', anna.page);
    await axe('projector: grouping', projector.page);
    await stepShots(3);
    await screenshot(projector.page, 'projector-grouping-sv');
  });

  it('step 5 (dot voting): three votes each, counted down, a fourth refused in words, ranked after lock', async () => {
    await goToStep(4);
    await expect.poll(() => anna.votesLeft().innerText(), WAIT).toBe('Du har 3 röster kvar');
    await anna.vote(silent.anna[0]!);
    await expect.poll(() => anna.votesLeft().innerText(), WAIT).toBe('Du har 2 röster kvar');
    await anna.vote(silent.relative[0]!);
    await expect.poll(() => anna.votesLeft().innerText(), WAIT).toBe('Du har 1 röst kvar');
    await anna.vote('Tid att prata med varje patient');
    await expect.poll(() => anna.votesLeft().innerText(), WAIT).toBe('Du har 0 röster kvar');
    await anna.vote('Att bli lyssnad på');
    await expect.poll(() => anna.voteProblem().innerText(), WAIT).toContain('Du har inga röster kvar');
    await expect(anna.votesLeft().innerText()).resolves.toBe('Du har 0 röster kvar');

    await relative.vote(silent.anna[0]!);
    await relative.vote(silent.relative[0]!);
    await bo.vote(silent.anna[0]!);
    await expect.poll(() => relative.votesLeft().innerText(), WAIT).toBe('Du har 1 röst kvar');
    await expect.poll(() => bo.votesLeft().innerText(), WAIT).toBe('Du har 2 röster kvar');
    await expect.poll(() => facilitator.run().locator('.run-fact').first().innerText(), WAIT).toMatch(/^3 har röstat/);
    await expect.poll(() => facilitator.answered().locator('.answered-count').innerText(), WAIT).toBe('3 av 3 har svarat');

    await axe('facilitator: dot-voting', facilitator.page);
    await axe('phone: dot-voting', anna.page);
    await axe('projector: dot-voting', projector.page);
    await stepShots(4);
    await screenshot(projector.page, 'projector-dot-voting-sv');
    await englishShots(4);

    // The room sees the ranking once input is locked.
    expect(await anna.voteResults().count()).toBe(0);
    await facilitator.press('l');
    await expect.poll(() => anna.voteResults().count(), WAIT).toBeGreaterThanOrEqual(3);
    const ranked = await anna.voteResults().allInnerTexts();
    expect(ranked[0]).toContain('1.');
    expect(ranked[0]).toContain(silent.anna[0]);
    expect(ranked[0]).toContain('3 röster');
    expect(ranked[1]).toContain(silent.relative[0]);
    expect(ranked[1]).toContain('2 röster');
    expect(ranked[2]).toContain('Tid att prata med varje patient');
    expect(ranked[2]).toContain('1 röst');
    await expect.poll(async () => (await projector.voteResults().allInnerTexts())[0], WAIT).toContain(silent.anna[0]);

    await axe('phone: dot-voting results', anna.page);
    await axe('projector: dot-voting results', projector.page);
    await stepShots(4, '-results');
    await screenshot(projector.page, 'projector-dot-voting-results-sv');
  });

  it('step 6 (the break): info on every screen', async () => {
    await goToStep(5);
    await expect.poll(() => anna.instructions().innerText(), WAIT).toBe(STEPS[5]!.instructions);
    await stepShots(5);
  });

  it('step 7 (ideas in groups): each table writes and reads its own notes; the cockpit sees all', async () => {
    await goToStep(6);
    await expect(facilitator.stepEyebrow().innerText()).resolves.toContain('i grupper');
    await anna.write('En skärm som visar väntetiden');
    await relative.write('Sms när det är min tur');
    await bo.write('Fråga vad som är viktigt i början av besöket');
    const ideas = ['En skärm som visar väntetiden', 'Sms när det är min tur', 'Fråga vad som är viktigt i början av besöket'];
    await expect.poll(() => facilitator.stepNotes().locator('.note-text').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(ideas),
    );
    // Anna's table does not see Bo's idea, nor Bo's table Anna's (the närstående's: see the known bug).
    await expect.poll(() => anna.noteTexts(), WAIT).toContain(ideas[0]);
    expect(await anna.noteTexts()).not.toContain(ideas[2]);
    await expect.poll(() => bo.noteTexts(), WAIT).toEqual(ideas.slice(2));
    await axe('facilitator: note-board in groups', facilitator.page);
    await axe('phone: note-board in groups', anna.page);
    await stepShots(6);
  });

  it('step 8 (next steps): a note board for the whole room', async () => {
    await goToStep(7);
    await bo.write('Bo testar sms-påminnelser i två veckor');
    await anna.write('Jag vill vara med');
    await expect.poll(() => facilitator.stepNotes().locator('.note-text').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(['Bo testar sms-påminnelser i två veckor', 'Jag vill vara med']),
    );
    await expect.poll(() => anna.noteTexts(), WAIT).toEqual(
      expect.arrayContaining(['Bo testar sms-påminnelser i två veckor', 'Jag vill vara med']),
    );
    await stepShots(7);
  });

  it('step 9 (closing): the last step; there is no next one', async () => {
    await goToStep(8);
    await expect.poll(() => anna.instructions().innerText(), WAIT).toBe(STEPS[8]!.instructions);
    expect(await facilitator.button(/^Nästa steg/).isDisabled()).toBe(true);
    await stepShots(8);
    await screenshot(projector.page, 'projector-closing-info-sv');
  });

  it('passes axe on every screen with no serious or critical findings, with no page errors and no outbound request', () => {
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(20);
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
