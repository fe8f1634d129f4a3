import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addGuldkorn, clothConfigFromPack } from '../../src/core/instruments/dialogue-cloth';
import { addStep } from '../../src/core/workshop/agenda';
import { goToStep } from '../../src/core/workshop/run-state';
import { connectClient } from '../helpers/yjs-client';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { freePort } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { LAN_HOST, LAPTOP, PHONE, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { FacilitatorPage } from './pages/facilitator-page';
import { ImprovementPage } from './pages/improvement-page';
import { ParticipantPage } from './pages/participant-page';
import { loadPack } from './pages/instrument-steps';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const WAIT = { timeout: 15_000 };
const templateTitle = (file: string) =>
  (JSON.parse(readFileSync(resolve(import.meta.dirname, `../../resources/templates/${file}`), 'utf8')) as { title: string }).title;
const WORKSHOP_TEMPLATE = templateTitle('co-design-2h.sv.json');
const FOLLOW_UP_TEMPLATE = templateTitle('follow-up-60.sv.json');

const NOTE_MOST = 'Att få veta vad som händer härnäst';
const NOTE_OTHER = 'Tid att prata med varje patient';
const NOTE_THIRD = 'Någon som ringer efter hemgång';
const IMPROVEMENT = 'Tryggare hemgång från hjärtsviktsmottagningen';
const IDEA = 'Varje patient får en skriftlig plan för nästa steg innan hen går hem';
const MEASURE = 'Andel patienter som vet sitt nästa steg';
const GULDKORN = 'Ring upp dagen efter hemgång och fråga hur det går';

/** Nine weekly baseline points before the test (Swedish decimal commas, both date forms, a header). */
const BASELINE = [
  'Vecka\tAndel',
  '2026-01-05\t42',
  '12/1/2026\t38,5',
  '2026-01-19\t45',
  '2026-01-26\t40',
  '2/2/2026\t44',
  '2026-02-09\t39',
  '2026-02-16\t41',
  '2026-02-23\t43',
  '2026-03-02\t40',
].join('\n');

/** A week after the first workshop, and the weeks since: six points above the median (a shift), one unreadable line. */
const FOLLOW_UP = ['2026-03-09;55', '2026-03-16;58,5', '2026-03-23;61', '2026-03-30;57', '6/4/2026;63', '2026-04-13;60', '2026-04-20;många'].join('\n');

/** Presses Tab until the focused element is named `name` (its text, aria-label or label). */
async function tabTo(page: Page, name: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
      if (!el) return '';
      const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
      return label.trim();
    });
    if (focused === name || focused.startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/**
 * Issue #5 end to end: a workshop run from the template with three people on their own devices
 * (through a LAN host name) turns its most-voted note into a change idea with one click; a first
 * PGSA cycle is planned in the session with a prediction, and a measure gets its baseline pasted
 * from a spreadsheet. "A week later" a follow-up session opens the same improvement, the new data
 * points (a shift) are pasted, the run chart says so in words, cycle 1 is studied and acted on and
 * PGSA 2 planned. A reload shows everything; the home screen lists it with its workshops.
 */
describe('PDSA: from a workshop insight to a second cycle with a run chart', () => {
  const data = tempDir();
  let port: number;
  let t: TestHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: FacilitatorPage;
  let anna: ParticipantPage;
  let bo: ParticipantPage;
  let relative: ParticipantPage;
  let firstSessionId = '';
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

  async function axe(screen: string, page: Page): Promise<void> {
    axeFindings[screen] = await seriousAxeFindings(page);
  }

  /** Scrolls an element to the top of the window and takes docs/screenshots/<name>.png. */
  async function shotAt(page: Page, target: ReturnType<Page['locator']>, name: string, offset = 12): Promise<void> {
    await target.evaluate((el, by) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - by, behavior: 'instant' }), offset);
    await screenshot(page, name);
  }

  beforeAll(async () => {
    port = await freePort();
    t = await startTestHost({ dataDir: data.path, port, strictPort: true, staticDir: STATIC_DIR });
    browser = await launchBrowser();
    facilitator = new FacilitatorPage(await newPage({ viewport: { width: 1280, height: 900 } }, 'facilitator'));
    anna = new ParticipantPage(await newPage(PHONE, 'Anna'));
    bo = new ParticipantPage(await newPage(PHONE, 'Bo'));
    relative = new ParticipantPage(await newPage(LAPTOP, 'närstående'));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('a workshop from the template: three people join, write and vote', async () => {
    await facilitator.open(t.host.url, t.host.facilitatorToken);
    await facilitator.createSessionFromTemplate('Hjärtsviktsmottagningen, workshop 1', WORKSHOP_TEMPLATE);
    await facilitator.run().waitFor();
    firstSessionId = facilitator.sessionId();
    const { code } = await facilitator.shareOnLoopback();
    await facilitator.closeShareDialog();
    const base = `http://${LAN_HOST}:${port}`;
    await anna.joinWithCode(base, code, 'Anna', 'patient');
    await bo.joinWithCode(base, code, 'Bo', 'staff');
    await relative.joinWithCode(base, code, null, 'relative');

    await facilitator.press('n'); // 1: welcome
    await expect.poll(() => facilitator.stepEyebrow().innerText(), WAIT).toContain('Steg 1');
    await facilitator.press('n'); // 2: "Vad är viktigt för dig?" (note board)
    await expect.poll(() => facilitator.stepEyebrow().innerText(), WAIT).toContain('Steg 2');
    await anna.waitForStep('Vad är viktigt för dig?');
    await anna.write(NOTE_MOST);
    await bo.write(NOTE_OTHER);
    await relative.write(NOTE_THIRD);
    await expect.poll(() => facilitator.stepNotes().count(), WAIT).toBe(3);

    for (let i = 0; i < 3; i += 1) await facilitator.press('n'); // 3, 4, then 5: dot voting
    await expect.poll(() => facilitator.stepEyebrow().innerText(), WAIT).toContain('Steg 5');
    await anna.vote(NOTE_MOST);
    await bo.vote(NOTE_MOST);
    await relative.vote(NOTE_MOST);
    await bo.vote(NOTE_OTHER);
    await expect.poll(async () => (await facilitator.voteResults().allInnerTexts())[0] ?? '', WAIT).toContain('3 röster');
    expect((await facilitator.voteResults().allInnerTexts())[0]).toContain(NOTE_MOST);
  });

  it('one click turns the most-voted note into a change idea in a new improvement', async () => {
    const top = facilitator.voteResults().first();
    await shotAt(facilitator.page, facilitator.run().locator('.current-step'), 'improvement-from-votes-sv', 120);
    await top.getByRole('button', { name: `Gör till förändringsidé: ${NOTE_MOST}` }).click();
    const dialog = facilitator.page.getByRole('dialog', { name: 'Gör till förändringsidé' });
    await dialog.waitFor();
    // No improvement is linked yet: a new one is the choice, and the note's words are offered.
    await expect(dialog.getByRole('radio', { name: 'Ett nytt förbättringsarbete' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByLabel('Förändringsidén').inputValue()).resolves.toBe(NOTE_MOST);
    await dialog.getByLabel('Namn på förbättringsarbetet').fill(IMPROVEMENT);
    await dialog.getByLabel('Förändringsidén').fill(IDEA);
    await axe('one-click dialog', facilitator.page);
    await screenshot(facilitator.page, 'improvement-one-click-sv');
    await dialog.getByRole('button', { name: 'Gör till förändringsidé' }).click();
    await dialog.getByTestId('one-click-done').waitFor();
    await expect(dialog.innerText()).resolves.toContain(`Förändringsidén finns nu i ”${IMPROVEMENT}”`);
    await dialog.getByRole('button', { name: 'Stäng' }).last().click();

    // The session's panel shows the improvement, and the idea keeps its roots as a quote.
    const panel = ImprovementPage.inSession(facilitator.page);
    await expect.poll(() => panel.title().innerText(), WAIT).toBe(IMPROVEMENT);
    const roots = panel.idea(IDEA).getByTestId('origins');
    await expect.poll(() => roots.innerText(), WAIT).toContain(`«${NOTE_MOST}»`);
    const rootText = await roots.innerText();
    expect(rootText).toContain('röstad 3 gånger');
    expect(rootText).toContain('workshop Hjärtsviktsmottagningen, workshop 1');
  });

  it('plans PGSA 1 in the session: a measure with a pasted baseline, a question with a prediction', async () => {
    const panel = ImprovementPage.inSession(facilitator.page);
    await panel.aim().getByLabel('Vårt mål').fill('Alla patienter med hjärtsvikt vet sitt nästa steg när de går hem, senast i juni 2026.');
    await panel.aim().getByRole('button', { name: 'Lägg till någon' }).click();
    await panel.aim().getByLabel('Namn (frivilligt)').fill('Anna');

    await panel.addMeasure({
      name: MEASURE,
      kind: 'Resultatmått',
      definition: 'Andel av veckans hemgångar där patienten kan säga sitt nästa steg vid uppföljningssamtalet.',
      unit: '%',
      higherIsBetter: true,
      baseline: 9,
    });
    const card = await panel.paste(MEASURE, BASELINE);
    await expect.poll(() => card.getByTestId('paste-summary').innerText(), WAIT).toBe('9 rader kan läggas till.');
    await panel.addPasted(MEASURE, 9);
    await expect.poll(() => card.getByTestId('run-chart-signals').innerText(), WAIT).toContain('Medianen är 41');

    const idea = panel.idea(IDEA);
    await idea.getByRole('button', { name: 'Planera PGSA 1' }).click();
    const cycle = panel.cycles(IDEA).first();
    const plan = cycle.getByRole('tabpanel');
    await plan.getByLabel('Vad testar vi? (kort namn)').fill('Skriftlig plan vid hemgång, en vecka');
    await plan.getByLabel('Mål med cykeln').fill('Lära oss om en skriftlig plan hjälper patienterna att veta sitt nästa steg.');
    await plan.getByRole('button', { name: 'Lägg till en fråga' }).click();
    await plan.getByLabel('Fråga 1', { exact: true }).fill('Kan patienten säga sitt nästa steg vid uppföljningssamtalet?');
    await plan.getByLabel(/^Förutsägelse 1/).fill('Minst sex av tio kan säga det.');
    await plan.getByLabel('Vad görs?').fill('Sjuksköterskan skriver planen tillsammans med patienten.');
    await plan.getByLabel('Uppgift', { exact: true }).fill('Ta fram en mall för planen');
    await plan.getByLabel('Ansvarig', { exact: true }).fill('Bo');
    await plan.getByRole('button', { name: 'Lägg till uppgiften' }).click();
    await plan.getByRole('checkbox', { name: MEASURE }).check();
    await plan.getByLabel('Startdatum').fill('2026-03-09');
    await plan.getByRole('radio', { name: /^Mikro/ }).check();
    await plan.getByLabel('Det vi testar här, vad får det för konsekvenser i andra delar?').fill('Mottagningens sekreterare får fler samtal.');
    await panel.save();
    await expect(cycle.getByRole('button', { name: /^PGSA 1/ }).innerText()).resolves.toContain('Skriftlig plan vid hemgång');

    await axe('session: improvement panel', facilitator.page);
    await shotAt(facilitator.page, facilitator.page.getByTestId('session-improvements'), 'improvement-session-panel-sv');
    await shotAt(facilitator.page, cycle, 'improvement-pgsa1-plan-sv');
  });

  it('a guldkorn from the dialogduk becomes a second change idea in the same improvement', async () => {
    // The facilitator's own client adds a dialogduk step and a guldkorn, as the cloth view would.
    const control = connectClient(t.host.url, firstSessionId, 'control', t.host.facilitatorToken);
    await control.whenSynced();
    const cloth = clothConfigFromPack(loadPack('dialogue-cloths.json', 'dialogue-cloths'), 'patientkontrakt-i-praktiken', 'sv');
    const step = addStep(control.doc, { type: 'dialogue-cloth', title: 'Dialogduk vid borden', minutes: 20, config: cloth ?? {} });
    expect(goToStep(control.doc, step.id)).toBe(true);
    expect(typeof addGuldkorn(control.doc, { stepId: step.id, text: GULDKORN })).not.toBe('string');
    control.destroy();

    const panel = facilitator.run().getByTestId('guldkorn');
    await expect.poll(() => facilitator.stepTitle().innerText(), WAIT).toBe('Dialogduk vid borden');
    await panel.getByText(GULDKORN).waitFor(WAIT);
    await shotAt(facilitator.page, panel, 'improvement-from-guldkorn-sv', 120);
    await panel.getByRole('button', { name: `Gör till förändringsidé: ${GULDKORN}` }).click();
    const dialog = facilitator.page.getByRole('dialog', { name: 'Gör till förändringsidé' });
    // The improvement this workshop already works on is offered first.
    await expect.poll(() => dialog.getByRole('radio', { name: new RegExp(`^${IMPROVEMENT}`) }).isChecked(), WAIT).toBe(true);
    await dialog.getByRole('button', { name: 'Gör till förändringsidé' }).click();
    await dialog.getByTestId('one-click-done').waitFor();
    await dialog.getByRole('button', { name: 'Stäng' }).last().click();

    const editor = ImprovementPage.inSession(facilitator.page);
    const roots = editor.idea(GULDKORN).getByTestId('origins');
    await expect.poll(() => roots.innerText(), WAIT).toContain('guldkorn från dialogduken');
    await expect(editor.ideas().getByTestId('change-idea').count()).resolves.toBe(2);
  });

  it('a week later: a follow-up session opens the same improvement and pasted points make a shift', async () => {
    await facilitator.page.goto(`${t.host.url}/#`);
    await facilitator.createSessionFromTemplate('Hjärtsviktsmottagningen, uppföljning', FOLLOW_UP_TEMPLATE);
    await facilitator.run().waitFor();
    expect(facilitator.sessionId()).not.toBe(firstSessionId);
    const section = facilitator.page.getByTestId('session-improvements');
    // "Förbättringsarbete" beside the cockpit's tabs goes down to the panel and puts the focus on its heading.
    await screenshot(facilitator.page, 'improvement-follow-up-session-sv');
    await facilitator.page.getByRole('button', { name: 'Förbättringsarbete', exact: true }).click();
    await expect.poll(() => facilitator.page.evaluate(() => document.activeElement?.textContent ?? ''), WAIT).toBe('Förbättringsarbete');
    await expect.poll(() => section.innerText(), WAIT).toContain('Inget förbättringsarbete är kopplat');
    await section.getByRole('button', { name: 'Öppna förbättringsarbete' }).click();
    await section.getByRole('button', { name: `Öppna ${IMPROVEMENT} i den här workshoppen` }).click();

    const panel = ImprovementPage.inSession(facilitator.page);
    await expect.poll(() => panel.title().innerText(), WAIT).toBe(IMPROVEMENT);
    await expect(panel.root.innerText()).resolves.toContain('Hjärtsviktsmottagningen, uppföljning (den här workshoppen)');

    const card = await panel.paste(MEASURE, FOLLOW_UP);
    const preview = card.getByTestId('paste-preview');
    await expect.poll(() => card.getByTestId('paste-summary').innerText(), WAIT).toContain('6 rader kan läggas till. 1 rad kan inte läsas');
    await expect(preview.locator('tr.is-error').innerText()).resolves.toContain('Värdet är inte ett tal');
    await axe('session: paste preview', facilitator.page);
    await shotAt(facilitator.page, card, 'improvement-paste-preview-sv');
    await panel.addPasted(MEASURE, 6);
    // The unreadable line stays in the box to be fixed; nothing pasted is silently dropped.
    await expect(card.getByLabel('Klistra in två kolumner: datum och värde').inputValue()).resolves.toBe('2026-04-20;många');
    await expect
      .poll(() => card.getByTestId('run-chart-signals').innerText(), WAIT)
      .toContain('6 punkter i rad över medianen från 9 mars 2026: ett skifte i önskad riktning.');
    // Two change ideas now: the chart's marker names the idea by its letter (cycles are numbered per idea), and the key under it says which.
    await expect(card.locator('text.rc-annotation-label').allTextContents()).resolves.toEqual(['A·1']);
    await expect(card.getByTestId('run-chart-key').innerText()).resolves.toContain(`A = ${IDEA}`);
    await panel.waitUntilSaved();
    await shotAt(facilitator.page, card, 'improvement-run-chart-sv');

    // The host has the points, the new ones marked with the follow-up workshop, the baseline with the first.
    const followUpId = facilitator.sessionId();
    const list = (await (await fetch(`${t.host.url}/api/sessions/${followUpId}/improvements`, { headers: { Authorization: `Bearer ${t.host.facilitatorToken}` } })).json()) as { id: string }[];
    expect(list).toHaveLength(1);
    const saved = (await (await fetch(`${t.host.url}/api/improvements/${list[0]!.id}`, { headers: { Authorization: `Bearer ${t.host.facilitatorToken}` } })).json()) as {
      measures: { points: { date: string; sessionId?: string | null }[] }[];
      sessions: { sessionId: string }[];
    };
    const points = saved.measures[0]!.points;
    expect(points).toHaveLength(15);
    expect(points.filter((p) => p.sessionId === followUpId).map((p) => p.date)).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13']);
    expect(points.filter((p) => p.sessionId === firstSessionId)).toHaveLength(9);
    expect(saved.sessions.map((s) => s.sessionId)).toEqual([firstSessionId, followUpId]);
  });

  it('cycle 1 is studied and acted on, and PGSA 2 is planned', async () => {
    const panel = ImprovementPage.inSession(facilitator.page);
    const cycle1 = panel.cycles(IDEA).first();
    const study = await panel.showPart(cycle1, 'Studera');
    await expect(study.innerText()).resolves.toContain('Minst sex av tio kan säga det.');
    await study.getByLabel(/^Resultat för fråga 1/).fill('Sju av tio kunde säga sitt nästa steg.');
    await study.getByLabel('Vad lärde vi oss?').fill('Planen hjälper mest när patienten skriver den själv.');
    await study.getByLabel(/^Sammanfattning/).fill('Ja: andelen steg från 41 % till omkring 60 %, ett skifte i seriediagrammet.');
    await study.getByRole('radio', { name: 'Ja', exact: true }).check();

    // The parts are a tablist: the arrow key moves on to Agera.
    await cycle1.getByRole('tab', { name: /Studera/ }).focus();
    await facilitator.page.keyboard.press('ArrowRight');
    const act = cycle1.getByRole('tabpanel');
    await expect.poll(() => act.innerText(), WAIT).toContain('Vad gör vi nu?');
    await act.getByRole('radio', { name: /^Justera/ }).check();
    await act.getByLabel('Nästa steg').fill('Låt patienten skriva planen själv; testa på två mottagningar.');
    await axe('session: cycle act', facilitator.page);
    await shotAt(facilitator.page, cycle1, 'improvement-pgsa1-act-sv');
    await act.getByRole('button', { name: 'Planera nästa cykel (PGSA 2)' }).click();

    await expect.poll(() => panel.cycles(IDEA).count(), WAIT).toBe(2);
    const cycle2 = panel.cycles(IDEA).nth(1);
    await expect(cycle2.getByRole('button', { name: /^PGSA 2/ }).getAttribute('aria-expanded')).resolves.toBe('true');
    await cycle2.getByRole('tabpanel').getByLabel('Vad testar vi? (kort namn)').fill('Patienten skriver planen själv, två mottagningar');
    await panel.save();
  });

  it('after a reload everything is there, on the improvement page too', async () => {
    await facilitator.page.reload();
    const panel = ImprovementPage.inSession(facilitator.page);
    await expect.poll(() => panel.title().innerText(), WAIT).toBe(IMPROVEMENT);
    await expect.poll(() => panel.cycles(IDEA).count(), WAIT).toBe(2);

    await facilitator.page.goto(`${t.host.url}/#`);
    const home = facilitator.page.getByTestId('improvements-home');
    const row = home.getByTestId('improvement-row').filter({ hasText: IMPROVEMENT });
    await expect.poll(() => row.innerText(), WAIT).toContain('2 förändringsidéer · 2 PGSA-cykler · 1 mätetal');
    await expect(row.innerText()).resolves.toContain('Hjärtsviktsmottagningen, workshop 1, Hjärtsviktsmottagningen, uppföljning');
    await axe('home: improvements', facilitator.page);
    await shotAt(facilitator.page, home, 'improvement-home-sv');

    await row.getByRole('link', { name: `Öppna ${IMPROVEMENT}` }).click();
    const page = ImprovementPage.onItsPage(facilitator.page);
    await expect.poll(() => page.title().innerText(), WAIT).toBe(IMPROVEMENT);
    expect(new URL(facilitator.page.url()).hash).toMatch(/^#improvement=/);
    await expect(page.aim().getByLabel('Vårt mål').inputValue()).resolves.toContain('senast i juni 2026');
    const overview = await facilitator.page.getByRole('navigation', { name: 'Översikt' }).innerText();
    expect(overview).toContain('1 mätetal · 15 mätvärden · skifte i önskad riktning');
    expect(overview).toContain('senast PGSA 2: Planera');
    await expect(page.measure(MEASURE).getByTestId('run-chart-signals').innerText()).resolves.toContain('ett skifte i önskad riktning');
    await expect(page.idea(IDEA).getByTestId('origins').innerText()).resolves.toContain(`«${NOTE_MOST}»`);
    const cycle1 = page.cycles(IDEA).first();
    await cycle1.getByRole('button', { name: /^PGSA 1/ }).click();
    const study = await page.showPart(cycle1, 'Studera');
    await expect(study.getByLabel(/^Resultat för fråga 1/).inputValue()).resolves.toBe('Sju av tio kunde säga sitt nästa steg.');
    const act = await page.showPart(cycle1, 'Agera');
    await expect(act.getByRole('radio', { name: /^Justera/ }).isChecked()).resolves.toBe(true);
    await expect(page.cycles(IDEA).nth(1).innerText()).resolves.toContain('Patienten skriver planen själv');
    await axe('improvement page', facilitator.page);
    await facilitator.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(facilitator.page, 'improvement-page-sv');
  });

  it('the improvement page in English', async () => {
    const page = facilitator.page;
    await facilitator.chooseLanguage('English');
    await page.goto(`${t.host.url}/#`);
    await page.getByRole('link', { name: `Open ${IMPROVEMENT}` }).click();
    const editor = page.getByTestId('improvement-editor');
    await editor.getByRole('heading', { name: 'What are we trying to accomplish?' }).waitFor();
    await editor.getByRole('heading', { name: 'How will we know that a change is an improvement?' }).waitFor();
    await expect.poll(() => editor.getByTestId('run-chart-signals').first().innerText(), WAIT).toContain('a shift in the desired direction');
    await axe('improvement page in English', page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'improvement-page-en');
    const idea = editor.getByTestId('change-idea').first();
    await idea.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 12, behavior: 'instant' }));
    await screenshot(page, 'improvement-idea-en');
    await facilitator.chooseLanguage('Svenska');
  });

  it('saves that cross: different changes are merged; the same text changed twice keeps mine to copy (409)', async () => {
    const page = ImprovementPage.onItsPage(facilitator.page);
    const other = await newPage({ viewport: { width: 1280, height: 900 } }, 'second window');
    await other.goto(`${t.host.url}/#token=${t.host.facilitatorToken}`);
    await other.goto(`${t.host.url}/${new URL(facilitator.page.url()).hash}`);
    const second = ImprovementPage.onItsPage(other);
    await expect.poll(() => second.title().innerText(), WAIT).toBe(IMPROVEMENT);
    await second.aim().getByLabel('Vårt mål').fill('Ändrat i ett annat fönster.');
    await second.save();

    // This window still has the older revision; it changes something else: the two are merged.
    await page.aim().getByLabel('Namn (frivilligt)').fill('Anna Andersson');
    await page.save();
    expect(await page.root.getByTestId('conflict').count()).toBe(0);
    await expect(page.aim().getByLabel('Vårt mål').inputValue()).resolves.toBe('Ändrat i ett annat fönster.');
    await expect(page.aim().getByLabel('Namn (frivilligt)').inputValue()).resolves.toBe('Anna Andersson');

    // Now both change the aim: the other window's save stands, and this one's words are kept to copy.
    await second.aim().getByLabel('Vårt mål').fill('Ändrat igen i det andra fönstret.');
    await second.save();
    const mine = 'Mitt mål, skrivet samtidigt, som inte får försvinna.';
    await page.aim().getByLabel('Vårt mål').fill(mine);
    await page.root.getByRole('button', { name: 'Spara', exact: true }).click();
    const conflict = page.root.getByTestId('conflict');
    await conflict.waitFor(WAIT);
    await expect(conflict.innerText()).resolves.toContain('Någon annan sparade samtidigt');
    await expect(conflict.getByLabel('Vårt mål').inputValue()).resolves.toBe(mine);
    await expect(page.aim().getByLabel('Vårt mål').inputValue()).resolves.toBe('Ändrat igen i det andra fönstret.');
    await expect(page.aim().getByLabel('Namn (frivilligt)').inputValue()).resolves.toBe('Anna Andersson');
    await axe('improvement page: conflict', facilitator.page);
    await screenshot(facilitator.page, 'improvement-conflict-sv');
  });

  it('the home list exports the improvement as a file, imports it back as a copy and deletes the copy', async () => {
    const page = facilitator.page;
    await page.goto(`${t.host.url}/#`);
    const home = page.getByTestId('improvements-home');
    const rows = home.getByTestId('improvement-row').filter({ hasText: IMPROVEMENT });
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), rows.getByRole('button', { name: `Exportera ${IMPROVEMENT} som fil (JSON)` }).click()]);
    expect(download.suggestedFilename()).toBe('Tryggare-hemgång-från-hjärtsviktsmottagningen.json');
    const file = resolve(data.path, 'exported.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; improvement: { title: string; changeIdeas: { origins: { quote: string }[] }[] } };
    expect(exported.format).toBe('samskapa-improvement');
    expect(exported.improvement.changeIdeas[0]?.origins[0]?.quote).toBe(NOTE_MOST);

    await home.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    await rows.last().getByRole('button', { name: `Ta bort ${IMPROVEMENT}` }).click();
    const confirm = page.getByRole('dialog', { name: `Ta bort ”${IMPROVEMENT}”?` });
    await axe('home: delete confirmation', page);
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => rows.count(), WAIT).toBe(1);
  });

  it('keyboard only: a new improvement from the home screen and its first measure', async () => {
    const page = facilitator.page;
    await page.goto(`${t.host.url}/#`);
    await page.getByTestId('improvements-home').waitFor();
    await tabTo(page, 'Nytt förbättringsarbete');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kortare väntan på återbesök'); // the name field has the focus
    await page.keyboard.press('Enter');
    const editor = ImprovementPage.onItsPage(page);
    await expect.poll(() => editor.title().innerText(), WAIT).toBe('Kortare väntan på återbesök');
    await tabTo(page, 'Nytt mätetal');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Namn på mätetalet');
    await page.keyboard.type('Dagar till återbesök');
    await tabTo(page, 'Högre är bättre'); // the group's checked radio; arrows choose
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Lägre är bättre' }).isChecked()).resolves.toBe(true);
    await tabTo(page, 'Lägg till mätetalet');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.measure('Dagar till återbesök').count(), WAIT).toBe(1);
    await tabTo(page, 'Värde');
    await page.keyboard.type('12,5');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.measure('Dagar till återbesök').getByTestId('run-chart-signals').innerText(), WAIT).toContain('Medianen är 12,5');
    await editor.waitUntilSaved();
  });

  it('every new screen passes axe, no page error, nothing left this machine', () => {
    for (const [screen, findings] of Object.entries(axeFindings)) expect(findings, screen).toEqual([]);
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(7);
    expect(pageErrors).toEqual([]);
    expect(outbound).toEqual([]);
  });
});
