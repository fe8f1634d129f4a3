import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParticipantSummary } from '../../src/contracts/http';
import { clothConfigFromPack } from '../../src/core/instruments/dialogue-cloth';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import type { Answer } from '../../src/core/instruments/vocabulary';
import { SEVEN_QUESTION_IDS } from '../../src/core/instruments/vocabulary';
import type { ParticipantRole } from '../../src/core/roles';
import { addStep } from '../../src/core/workshop/agenda';
import type { Step } from '../../src/core/workshop/agenda';
import { setGroups } from '../../src/core/workshop/groups';
import { goToStep } from '../../src/core/workshop/run-state';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { freePort } from '../helpers/child-host';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { LAN_HOST, LAPTOP, PHONE, forbidOutbound, launchBrowser } from './support/browser';
import { seriousAxeFindings } from './support/axe';
import { screenshot } from './support/screenshots';
import { Cockpit, Phone, Projector, loadPack } from './pages/instrument-steps';

const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
const WAIT = { timeout: 15_000 };
const SESSION_TITLE = 'Instrumenten på hjärtmottagningen';

const clothPack = loadPack('dialogue-cloths.json', 'dialogue-cloths');
const reflectionPack = loadPack('reflections.json', 'reflections');
const sevenPack = loadPack('seven-questions.json', 'seven-questions');
const personasPack = loadPack('personas.json', 'personas');

interface Person {
  readonly key: string;
  readonly name: string | null;
  readonly role: ParticipantRole;
  /** Bord 1 or Bord 2 in the group step. */
  readonly table: 1 | 2;
}

/** Six people: three on the patient side (patient, närstående, patientföreträdare), three medarbetare. */
const PEOPLE: readonly Person[] = [
  { key: 'anna', name: 'Anna', role: 'patient', table: 1 },
  { key: 'bo', name: 'Bo', role: 'staff', table: 1 },
  { key: 'relative', name: null, role: 'relative', table: 2 },
  { key: 'cilla', name: 'Cilla', role: 'patient-rep', table: 2 },
  { key: 'dan', name: 'Dan', role: 'staff', table: 1 },
  { key: 'eva', name: 'Eva', role: 'staff', table: 2 },
];
const PATIENT_SIDE = new Set<ParticipantRole>(['patient', 'relative', 'patient-rep']);

/** Each person's answers to q1…q7 in the first seven-questions run. */
const SEVEN_ANSWERS: Record<string, readonly Answer[]> = {
  anna: ['ja', 'ja', 'delvis', 'nej', 'ja', 'vet-inte', 'delvis'],
  relative: ['delvis', 'ja', 'ja', 'nej', 'delvis', 'nej', 'ja'],
  cilla: ['nej', 'ja', 'ja', 'delvis', 'vet-inte', 'nej', 'ja'],
  bo: ['ja', 'ja', 'nej', 'ja', 'ja', 'delvis', 'ja'],
  dan: ['ja', 'ja', 'delvis', 'ja', 'ja', 'ja', 'nej'],
  eva: ['vet-inte', 'ja', 'nej', 'ja', 'delvis', 'vet-inte', 'ja'],
};

/** Whole percent, half away from zero. */
const whole = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/**
 * The gap sentence for one question, computed here from the answers given (not with the app's
 * code): share ja = ja / (ja + delvis + nej) per side; "vet inte" is left out of the base.
 */
function expectedGapSentence(question: number): string {
  const share = (patientSide: boolean): number => {
    const answers = PEOPLE.filter((p) => PATIENT_SIDE.has(p.role) === patientSide).map((p) => SEVEN_ANSWERS[p.key]?.[question] as Answer);
    const taken = answers.filter((a) => a !== 'vet-inte');
    return taken.filter((a) => a === 'ja').length / taken.length;
  };
  const patient = share(true);
  const staff = share(false);
  const p = whole(patient * 100);
  const s = whole(staff * 100);
  const gap = whole((staff - patient) * 100);
  const unit = Math.abs(gap) === 1 ? 'procentenhets' : 'procentenheters';
  if (gap === 0) return `Patienterna och personalen svarar lika: ${p} % ja. Ingen skillnad.`;
  if (gap > 0) return `Personalen tror ${s} % ja, patienterna svarar ${p} % ja: ${gap} ${unit} skillnad.`;
  return `Patienterna svarar ${p} % ja, personalen tror ${s} % ja: ${-gap} ${unit} skillnad.`;
}

/**
 * Issue #4 end to end: each instrument step type run live. The session and its agenda are set up
 * through the API and a stock Yjs client as the facilitator (fast and independent of the planning
 * UI); the cockpit ("Genomför") and the projector are the real renderer in Chromium, and six
 * participants take part on phones through the LAN host name, entirely through the UI.
 */
describe('the instruments, run live with six participants', () => {
  const data = tempDir();
  let t: TestHost;
  let browser: Browser;
  let control: YClient;
  let sessionId = '';
  let code = '';
  let cockpit: Cockpit;
  let projector: Projector;
  const phones = new Map<string, Phone>();
  const ids = new Map<string, string>();
  const steps: Record<string, Step> = {};
  const contexts: BrowserContext[] = [];
  const outbound: string[] = [];
  const pageErrors: string[] = [];
  const axeFindings: Record<string, string[]> = {};

  const phone = (key: string): Phone => {
    const found = phones.get(key);
    if (!found) throw new Error(`no phone ${key}`);
    return found;
  };
  const everyone = (): Phone[] => PEOPLE.map((p) => phone(p.key));

  async function newContext(options: typeof LAPTOP | typeof PHONE, label: string): Promise<BrowserContext> {
    const context = await browser.newContext({ ...options, locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    forbidOutbound(context, outbound);
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`)));
    contexts.push(context);
    return context;
  }

  async function axe(label: string, page: Page): Promise<void> {
    axeFindings[label] = await seriousAxeFindings(page);
  }

  /** Moves the room to a step as the facilitator, and waits until the cockpit, the projector and every phone show it. */
  async function go(step: Step): Promise<void> {
    expect(goToStep(control.doc, step.id)).toBe(true);
    await expect.poll(() => cockpit.stepTitle().innerText(), WAIT).toBe(step.title);
    await expect.poll(() => projector.stepTitle().innerText(), WAIT).toBe(step.title);
    for (const p of everyone()) await expect.poll(() => p.stepTitle().innerText(), WAIT).toBe(step.title);
  }

  /** innerText with the non-breaking spaces the app puts before "%" made plain. */
  const plain = async (locator: Locator): Promise<string> => (await locator.innerText()).replace(/\u00a0/g, ' ');

  const cell = (table: Locator, row: string, column: number): Locator =>
    table.locator('tbody tr', { has: table.page().locator('th', { hasText: row }) }).locator('td').nth(column);

  beforeAll(async () => {
    const port = await freePort();
    // A private copy of the built renderer: a rebuild of out/renderer during this long run would
    // otherwise replace the lazily loaded chunks the open pages still ask for.
    const staticDir = join(data.path, 'renderer');
    cpSync(STATIC_DIR, staticDir, { recursive: true });
    t = await startTestHost({ dataDir: join(data.path, 'host'), port, strictPort: true, staticDir });
    const session = await t.api.createSession(SESSION_TITLE);
    sessionId = session.id;
    code = (await t.api.share(sessionId, '127.0.0.1')).joinCode.replace(/\s/g, '');
    control = connectClient(t.host.url, sessionId, 'control', t.host.facilitatorToken);
    await control.whenSynced();

    browser = await launchBrowser();
    const facilitatorContext = await newContext(LAPTOP, 'facilitator');
    cockpit = new Cockpit(await facilitatorContext.newPage());
    await cockpit.open(t.host.url, t.host.facilitatorToken, SESSION_TITLE);
    projector = new Projector(await facilitatorContext.newPage());
    await projector.page.setViewportSize({ width: 1280, height: 720 });
    await projector.open(t.host.url, t.host.facilitatorToken, sessionId);
    for (const person of PEOPLE) {
      const context = await newContext(PHONE, person.key);
      phones.set(person.key, new Phone(await context.newPage(), person.name ?? 'närstående'));
    }
  });

  afterAll(async () => {
    control?.destroy();
    await browser?.close();
    await t?.stop();
    data.remove();
  });

  it('lets six people join on their phones with the code, through the LAN host name', async () => {
    const base = `http://${LAN_HOST}:${new URL(t.host.url).port}`;
    for (const person of PEOPLE) {
      const p = phone(person.key);
      await p.join(base, code, person.name, person.role);
      await expect.poll(() => p.connectionStatus().innerText(), WAIT).toMatch(/Ansluten/);
    }
    const participants = await t.api.json<ParticipantSummary[]>('GET', `/api/sessions/${sessionId}/participants`);
    expect(participants).toHaveLength(PEOPLE.length);
    for (const person of PEOPLE) {
      const found = participants.find((p) => p.role === person.role && (person.name === null ? p.anonymous : p.name === person.name));
      expect(found, person.key).toBeDefined();
      ids.set(person.key, found?.id ?? '');
    }

    // The agenda, written into the control document as the facilitator: one step per instrument,
    // plus a second seven-questions run where the patient side stays below the threshold.
    const doc = control.doc;
    const theCloth = clothConfigFromPack(clothPack, 'patientkontrakt-i-praktiken', 'sv');
    const theReflection = reflectionConfigFromPack(reflectionPack, ['s3'], 'du', 'sv', true);
    expect(theCloth).not.toBeNull();
    expect(theReflection?.prompts.length).toBe(3);
    steps.cloth = addStep(doc, { type: 'dialogue-cloth', title: 'Dialogduk vid borden', minutes: 25, groupMode: 'groups', config: theCloth ?? {} });
    steps.reflection = addStep(doc, { type: 'reflection', title: 'Reflektera själv', minutes: 10, config: theReflection ?? {} });
    steps.seven = addStep(doc, { type: 'seven-questions', title: 'De sju frågorna', minutes: 10, config: {} });
    steps.sevenAgain = addStep(doc, { type: 'seven-questions', title: 'De sju frågorna, en gång till', minutes: 5, config: { questionIds: ['q1', 'q2'] } });
    steps.personas = addStep(doc, {
      type: 'personas',
      title: 'Vem möter vi?',
      minutes: 30,
      config: { packId: personasPack.id, personaIds: ['margit', 'jonas', 'leila'], channelIds: ['telefon', 'video', 'besok', '1177'] },
    });
    steps.matrix = addStep(doc, { type: 'partnership-matrix', title: 'Var är patienterna med?', minutes: 30, config: {} });
    steps.complexity = addStep(doc, { type: 'complexity-sorting', title: 'Hur svårt är det?', minutes: 20, config: { sourceStepId: steps.cloth.id } });

    // Two tables for the cloth, each with people from both sides.
    const table = (n: 1 | 2) => PEOPLE.filter((p) => p.table === n).map((p) => ({ id: ids.get(p.key) ?? '', role: p.role }));
    setGroups(doc, [table(1), table(2)], (i) => `Bord ${i + 1}`);
    await expect.poll(() => cockpit.run().getByTestId('agenda-rail').getByRole('listitem').count(), WAIT).toBe(7);
  });

  const annaNote = 'Jag vill kunna ringa direkt till min sjuksköterska';
  const boNote = 'Vi borde ringa upp samma dag';
  const evaNote = 'Våra kallelser är svåra att förstå';

  it('dialogue cloth: each table writes on its own cloth; the cockpit sees both and lifts a guldkorn to the projector', async () => {
    const step = steps.cloth as Step;
    const [first, second] = clothPack.content.cloths.find((c) => c.id === 'patientkontrakt-i-praktiken')?.questions ?? [];
    const q1 = first?.text.sv ?? '';
    const q2 = second?.text.sv ?? '';
    await go(step);

    for (const p of everyone()) {
      await expect.poll(() => p.page.getByRole('heading', { name: 'Patientkontrakt i praktiken' }).count(), WAIT).toBe(1);
      await expect.poll(() => p.clothCards().count(), WAIT).toBe(8);
    }
    expect(await phone('anna').page.locator('.step-group').innerText()).toContain('Bord 1');
    expect(await phone('eva').page.locator('.step-group').innerText()).toContain('Bord 2');
    // The anonymous närstående is told once that her notes show without a name; named people are not.
    expect(await phone('relative').page.getByText('Ditt svar visas utan namn').count()).toBe(1);
    expect(await phone('anna').page.getByText('Ditt svar visas utan namn').count()).toBe(0);

    await phone('anna').writeOnQuestion(q1, annaNote);
    await phone('eva').writeOnQuestion(q2, evaNote);
    // Bo sits at Anna's table: he sees her note counted on the card and under the question; Cilla (table 2) does not.
    await expect.poll(() => phone('bo').clothCard(q1).innerText(), WAIT).toContain('Din grupp har skrivit 1 svar');
    await expect.poll(() => phone('cilla').clothCard(q2).innerText(), WAIT).toContain('Din grupp har skrivit 1 svar');
    expect(await phone('cilla').clothCard(q1).innerText()).not.toContain('1 svar');
    await phone('bo').writeOnQuestion(q1, boNote);
    expect(await phone('bo').page.getByTestId('notes').innerText()).toContain(annaNote);
    await phone('bo').backToQuestions();

    // The cockpit: both tables' cloths side by side, each note under its question.
    const run = cockpit.run().getByTestId('cloth-run');
    await expect.poll(() => run.innerText(), WAIT).toContain(evaNote);
    const columns = run.getByTestId('cloth-board').locator('.cloth-column');
    await expect.poll(() => columns.count(), WAIT).toBe(2);
    await expect.poll(() => columns.nth(0).innerText(), WAIT).toMatch(/^Bord 1[\s\S]*Jag vill kunna ringa direkt/);
    expect(await columns.nth(0).innerText()).not.toContain(evaNote);
    expect(await columns.nth(1).innerText()).toMatch(/^Bord 2[\s\S]*Våra kallelser är svåra att förstå/);
    expect(await run.innerText()).toContain('3 anteckningar på 2 dukar');

    // The facilitator lifts Anna's note into the summary; it shows on the projector.
    const toggle = run.getByRole('button', { name: `Guldkorn: ${annaNote}`, exact: true });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => cockpit.run().getByTestId('guldkorn').innerText(), WAIT).toContain(annaNote);
    expect(await cockpit.run().getByTestId('guldkorn').innerText()).toMatch(/Guldkorn \(1\)/);
    const onScreen = projector.page.getByTestId('cloth-projector');
    await expect.poll(() => onScreen.innerText(), WAIT).toContain(annaNote);
    expect(await onScreen.innerText()).toContain('Patientkontrakt i praktiken');

    await axe('dialogue-cloth: phone (questions)', phone('bo').page);
    await axe('dialogue-cloth: cockpit', cockpit.page);
    await axe('dialogue-cloth: projector', projector.page);
    await phone('bo').scrollToTop();
    await screenshot(phone('bo').page, 'instrument-dialogue-cloth-phone-sv');
    await cockpit.scrollTo('current-step-title');
    await screenshot(cockpit.page, 'instrument-dialogue-cloth-facilitator-sv');
    await screenshot(projector.page, 'instrument-dialogue-cloth-projector-sv');
    // One question open on a phone, with the group's notes under it.
    await phone('anna').page.getByTestId('notes').waitFor();
    await axe('dialogue-cloth: phone (one question)', phone('anna').page);
  });

  const reflectionAnswers = {
    anna: 'Att bli lyssnad på gör mig trygg',
    bo: 'Jag märker det när jag sätter mig ner',
    relative: 'Vi möts bäst när vi får tid',
  };

  it('reflection (anonymous): everyone answers alone; the cockpit counts; after the reveal the answers show without names', async () => {
    const step = steps.reflection as Step;
    const prompts = step.config.prompts as { id: string; text: string }[];
    await go(step);
    for (const p of everyone()) {
      await expect.poll(() => p.reflectionProgress().innerText(), WAIT).toBe('Fråga 1 av 3');
      expect(await p.page.getByRole('heading', { name: prompts[0]?.text ?? '' }).count()).toBe(1);
      expect(await p.page.getByText('Ditt svar visas utan namn').count()).toBe(1);
    }
    await phone('anna').answerReflection(reflectionAnswers.anna);
    await phone('bo').answerReflection(reflectionAnswers.bo);
    const relative = phone('relative');
    await relative.nextReflectionPrompt();
    await expect.poll(() => relative.reflectionProgress().innerText(), WAIT).toBe('Fråga 2 av 3');
    await relative.answerReflection(reflectionAnswers.relative);

    // Before the reveal: counts only, on the cockpit; nothing on anyone's phone but their own.
    await expect.poll(() => cockpit.run().getByTestId('private-count').innerText(), WAIT).toBe('3 svar väntar');
    const perPrompt = cockpit.run().getByTestId('reflection-prompts').getByRole('listitem');
    await expect.poll(() => perPrompt.allInnerTexts(), WAIT).toEqual([
      expect.stringMatching(/2 svar$/),
      expect.stringMatching(/1 svar$/),
      expect.stringMatching(/0 svar$/),
    ]);
    expect(await phone('cilla').page.getByText(reflectionAnswers.anna).count()).toBe(0);
    await expect.poll(() => projector.page.getByTestId('reflection-projector').innerText(), WAIT).toContain('Svaren visas utan namn');

    await axe('reflection: phone (writing)', relative.page);
    await axe('reflection: cockpit (before reveal)', cockpit.page);
    await relative.scrollToTop();
    await screenshot(relative.page, 'instrument-reflection-phone-sv');

    // The reveal, with the run key R.
    await cockpit.press('r');
    const answers = cockpit.run().getByTestId('reflection-answers');
    await expect.poll(() => answers.locator('.note-text').allInnerTexts(), WAIT).toEqual(
      expect.arrayContaining(Object.values(reflectionAnswers)),
    );
    const cockpitText = await answers.innerText();
    for (const name of ['Anna', 'Bo']) expect(cockpitText).not.toContain(name);
    for (const p of everyone()) {
      const shared = p.page.getByTestId('reflection-shared');
      await expect.poll(() => shared.locator('.note-text').allInnerTexts(), WAIT).toEqual(
        expect.arrayContaining(Object.values(reflectionAnswers)),
      );
      const text = await shared.innerText();
      for (const name of ['Anna', 'Bo']) expect(text).not.toContain(name);
    }
    const projected = projector.page.getByTestId('reflection-projector');
    await expect.poll(() => projected.innerText(), WAIT).toContain(reflectionAnswers.relative);
    expect(await projected.innerText()).not.toMatch(/\bAnna\b|\bBo\b/);

    await axe('reflection: phone (shared)', phone('cilla').page);
    await axe('reflection: cockpit (revealed)', cockpit.page);
    await axe('reflection: projector', projector.page);
    await cockpit.scrollTo('current-step-title');
    await screenshot(cockpit.page, 'instrument-reflection-facilitator-sv');
    await screenshot(projector.page, 'instrument-reflection-projector-sv');
  });

  it('seven questions: wording by role, counts while answering, then the gap view with the expected percentages', async () => {
    const step = steps.seven as Step;
    await go(step);
    const q1 = sevenPack.content.questions.find((q) => q.id === 'q1');
    // The patient side reads the patient wording, staff the vårdgivare wording.
    for (const person of PEOPLE) {
      const wording = PATIENT_SIDE.has(person.role) ? q1?.patient.sv : q1?.staff.sv;
      const other = PATIENT_SIDE.has(person.role) ? q1?.staff.sv : q1?.patient.sv;
      const group = phone(person.key).sevenQuestion(1, 7);
      await expect.poll(() => group.innerText(), WAIT).toContain(wording ?? '-');
      expect(await group.innerText()).not.toContain(other ?? '-');
    }
    await expect.poll(() => projector.page.getByTestId('seven-projector-answered').innerText(), WAIT).toBe('0 har svarat');

    for (const person of PEOPLE) await phone(person.key).answerSeven(SEVEN_ANSWERS[person.key] ?? []);
    const answered = cockpit.run().getByTestId('seven-answered');
    await expect.poll(() => answered.innerText(), WAIT).toContain('6 har svarat');
    // The anonymous närstående counts on the patient side (presence carries her opaque id, never a name).
    await expect.poll(() => answered.getByRole('listitem').allInnerTexts(), WAIT).toEqual(['Patientsidan: 3', 'Personalsidan: 3']);
    await expect.poll(() => projector.page.getByTestId('seven-projector-answered').innerText(), WAIT).toBe('6 har svarat');

    await axe('seven-questions: phone', phone('anna').page);
    await axe('seven-questions: cockpit (answering)', cockpit.page);
    await phone('anna').scrollToTop();
    await screenshot(phone('anna').page, 'instrument-seven-questions-phone-sv');

    // "Visa resultatet", then confirm in the dialog.
    await answered.getByRole('button', { name: 'Visa resultatet' }).click();
    const dialog = cockpit.page.getByRole('dialog', { name: 'Visa resultatet och stänga svaren?' });
    await dialog.waitFor();
    await axe('seven-questions: confirm', cockpit.page);
    await dialog.getByRole('button', { name: 'Visa resultatet' }).click();

    const gap = cockpit.run().getByTestId('gap-view');
    await gap.waitFor();
    for (const [i, id] of SEVEN_QUESTION_IDS.entries()) {
      await expect.poll(() => plain(gap.getByTestId(`gap-sentence-${id}`)), WAIT).toBe(expectedGapSentence(i));
    }
    // q1: patients 1 ja of 3 who took a position (33 %), staff 2 of 2 (Eva's "vet inte" left out).
    expect(await plain(gap.getByTestId('gap-sentence-q1'))).toBe(
      'Personalen tror 100 % ja, patienterna svarar 33 % ja: 67 procentenheters skillnad.',
    );
    expect(await cockpit.run().getByText('3 på patientsidan och 3 på personalsidan har svarat.').count()).toBe(1);

    // The same numbers as a table.
    const table = cockpit.run().getByTestId('gap-table');
    expect(await table.isVisible()).toBe(false);
    await gap.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect.poll(() => table.isVisible(), WAIT).toBe(true);
    const q1Rows = table.locator('tbody tr').filter({ hasText: /Patienter|Personal/ });
    expect(await plain(q1Rows.nth(0))).toMatch(/Patienter\s+1 \(33 %\)\s+1 \(33 %\)\s+1 \(33 %\)\s+0 \(0 %\)\s+33 %\s+67 procentenheter/);
    expect(await plain(q1Rows.nth(1))).toMatch(/Personal\s+2 \(67 %\)\s+0 \(0 %\)\s+0 \(0 %\)\s+1 \(33 %\)\s+100 %/);

    // The phones: closed, and told to look at the big screen.
    await expect.poll(() => phone('bo').page.getByText('Resultatet visas nu').count(), WAIT).toBe(1);
    expect(await phone('bo').sevenQuestion(1, 7).getByRole('radio', { name: 'Ja', exact: true }).isDisabled()).toBe(true);
    // The projector: the gap chart in big type.
    const projected = projector.page.getByTestId('gap-view');
    await expect.poll(() => plain(projected.getByTestId('gap-sentence-q1')), WAIT).toBe(expectedGapSentence(0));

    await axe('seven-questions: cockpit (gap view)', cockpit.page);
    await axe('seven-questions: projector', projector.page);
    await axe('seven-questions: phone (published)', phone('bo').page);
    await cockpit.scrollTo('gap-view');
    await screenshot(cockpit.page, 'instrument-seven-questions-facilitator-sv');
    await screenshot(projector.page, 'instrument-seven-questions-projector-sv');
  });

  it('seven questions, again: with two on the patient side, that side says "För få svar" instead of a breakdown', async () => {
    const step = steps.sevenAgain as Step;
    await go(step);
    const again: Record<string, readonly Answer[]> = { anna: ['ja', 'nej'], cilla: ['delvis', 'ja'], bo: ['ja', 'ja'], dan: ['nej', 'ja'], eva: ['ja', 'delvis'] };
    for (const [key, answers] of Object.entries(again)) {
      await expect.poll(() => phone(key).sevenQuestion(1, 2).count(), WAIT).toBe(1);
      await phone(key).answerSeven(answers);
    }
    const answered = cockpit.run().getByTestId('seven-answered');
    await expect.poll(() => answered.innerText(), WAIT).toContain('5 har svarat');
    expect(await answered.innerText()).toContain('Patientsidan: 2');
    await answered.getByRole('button', { name: 'Visa resultatet' }).click();
    await cockpit.page.getByRole('dialog').getByRole('button', { name: 'Visa resultatet' }).click();

    const gap = cockpit.run().getByTestId('gap-view');
    await gap.waitFor();
    const items = gap.locator('.gap-question');
    await expect.poll(() => items.count(), WAIT).toBe(2);
    for (const i of [0, 1]) {
      const patients = items.nth(i).locator('.gap-bar-patient');
      expect(await patients.innerText()).toContain('För få svar för att visa (minst 3)');
      expect(await patients.innerText()).not.toMatch(/%/);
      expect(await items.nth(i).locator('.gap-bar-staff').innerText()).toContain('(3 svar)');
    }
    expect(await gap.getByTestId('gap-sentence-q1').innerText()).toBe('Ingen jämförelse: minst en sida har för få svar, eller ingen tog ställning.');
    await gap.getByRole('button', { name: 'Visa som tabell' }).click();
    const table = cockpit.run().getByTestId('gap-table');
    await expect.poll(() => table.isVisible(), WAIT).toBe(true);
    const patientRow = table.locator('tbody tr').filter({ hasText: 'Patienter' }).first();
    expect(await patientRow.innerText()).toContain('För få svar för att visa (minst 3)');
    expect(await plain(patientRow)).not.toMatch(/\d+ \(\d+ %\)/);
    expect(await cockpit.run().getByText('Svarade ja på alla frågor: patienter för få svar, personal').count()).toBe(1);

    const projected = projector.page.getByTestId('gap-view');
    await expect.poll(() => projected.innerText(), WAIT).toContain('För få svar för att visa (minst 3)');
    await axe('seven-questions: cockpit (too few)', cockpit.page);
    await axe('seven-questions: projector (too few)', projector.page);
    await cockpit.scrollTo('gap-view');
    await screenshot(cockpit.page, 'instrument-seven-questions-too-few-facilitator-sv');
    await screenshot(projector.page, 'instrument-seven-questions-too-few-projector-sv');
  });

  it('personas: phones show the cards; ticked contact channels are counted in the cockpit', async () => {
    const step = steps.personas as Step;
    await go(step);
    for (const p of everyone()) {
      await expect.poll(() => p.personaCards().count(), WAIT).toBe(3);
    }
    const names = (await phone('anna').personaCards().locator('.persona-name').allInnerTexts()).sort();
    expect(names).toEqual(['Jonas, 34 år', 'Leila, 56 år, närstående', 'Margit, 82 år']);
    // Described by situation and needs, with the pack's field labels; no diagnosis field.
    expect(await phone('anna').personaCards().filter({ hasText: 'Margit, 82 år' }).innerText()).toMatch(/Situation[\s\S]*Vad är viktigt för mig\?[\s\S]*Behov/);
    await phone('anna').tickChannel('Margit, 82 år', 'Telefon');
    await phone('bo').tickChannel('Margit, 82 år', 'Telefon');
    await phone('bo').tickChannel('Margit, 82 år', 'Videosamtal');
    await phone('eva').tickChannel('Jonas, 34 år', '1177.se');

    const matrix = cockpit.run().getByTestId('persona-channel-matrix');
    const headers = await matrix.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Person', 'Telefon', 'Videosamtal', 'Fysiskt besök', '1177.se']);
    await expect.poll(() => cell(matrix, 'Margit, 82 år', 0).innerText(), WAIT).toBe('2');
    await expect.poll(() => cell(matrix, 'Margit, 82 år', 1).innerText(), WAIT).toBe('1');
    await expect.poll(() => cell(matrix, 'Jonas, 34 år', 3).innerText(), WAIT).toBe('1');
    expect(await cell(matrix, 'Leila, 56 år, närstående', 0).innerText()).toBe('0');
    await expect.poll(() => phone('anna').page.locator('details.channel-marks summary').filter({ hasText: 'Margit' }).innerText(), WAIT).toBe(
      'Kontaktvägar för Margit, 82 år (1 markerad)',
    );

    await expect.poll(() => projector.page.getByTestId('persona-card').count(), WAIT).toBeGreaterThanOrEqual(3);
    await axe('personas: phone', phone('bo').page);
    await axe('personas: cockpit', cockpit.page);
    await axe('personas: projector', projector.page);
    await phone('bo')
      .page.locator('details.channel-marks')
      .filter({ hasText: 'Margit' })
      .evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 120, behavior: 'instant' }));
    await screenshot(phone('bo').page, 'instrument-personas-phone-sv');
    await cockpit.scrollTo('current-step-title');
    await screenshot(cockpit.page, 'instrument-personas-facilitator-sv');
    await screenshot(projector.page, 'instrument-personas-projector-sv');
  });

  it('partnership matrix: phones mark today and next; the cockpit grid counts the marks', async () => {
    const step = steps.matrix as Step;
    await go(step);
    for (const p of everyone()) await expect.poll(() => p.markToggle('today:direct-care:initiate').count(), WAIT).toBe(1);
    await phone('anna').toggleMark('today:direct-care:initiate');
    await phone('anna').toggleMark('next:clinic:plan');
    await phone('bo').toggleMark('today:direct-care:initiate');
    await phone('cilla').toggleMark('next:clinic:plan');
    await phone('dan').toggleMark('next:region:evaluate');
    // A second tap takes Dan's mark away again.
    await phone('dan').toggleMark('next:region:evaluate');
    expect(await phone('anna').markToggle('today:direct-care:initiate').getAttribute('aria-pressed')).toBe('true');

    const grid = cockpit.run().getByTestId('matrix-grid');
    await expect.poll(() => cell(grid, 'Direkt vård', 0).innerText(), WAIT).toMatch(/I dag: 2 \(räknas\)[\s\S]*Nästa: 0/);
    await expect.poll(() => cell(grid, 'Klinik', 1).innerText(), WAIT).toMatch(/I dag: 0[\s\S]*Nästa: 2 \(räknas\)/);
    expect(await cell(grid, 'Region', 3).innerText()).toMatch(/I dag: 0[\s\S]*Nästa: 0/);
    expect(await cockpit.run().getByTestId('matrix-span').innerText()).toBe(
      'I dag spänner över 1 av 4 nivåer och 1 av 4 faser. Nästa: 1 nivåer och 1 faser.',
    );
    const projected = projector.page.getByTestId('matrix-grid');
    await expect.poll(() => cell(projected, 'Direkt vård', 0).innerText(), WAIT).toMatch(/I dag: 2/);

    await axe('partnership-matrix: phone', phone('anna').page);
    await axe('partnership-matrix: cockpit', cockpit.page);
    await axe('partnership-matrix: projector', projector.page);
    await phone('anna').scrollToTop();
    await screenshot(phone('anna').page, 'instrument-partnership-matrix-phone-sv');
    await cockpit.scrollTo('current-step-title');
    await screenshot(cockpit.page, 'instrument-partnership-matrix-facilitator-sv');
    await screenshot(projector.page, 'instrument-partnership-matrix-projector-sv');
  });

  it('complexity sorting: the facilitator sorts the cloth notes; phones and the projector follow', async () => {
    const step = steps.complexity as Step;
    await go(step);
    const run = cockpit.run().getByTestId('complexity-run');
    await expect.poll(() => run.innerText(), WAIT).toContain('0 av 3 sorterade');
    await expect.poll(() => phone('cilla').page.getByTestId('complexity-untagged').innerText(), WAIT).toBe('3 frågor är inte sorterade än.');

    await run.getByRole('button', { name: `Enkelt: ${boNote}` }).click();
    await run.getByRole('button', { name: `Komplext: ${annaNote}` }).click();
    await run.getByRole('button', { name: `Komplicerat: ${evaNote}` }).click();
    await expect.poll(() => run.innerText(), WAIT).toContain('3 av 3 sorterade');
    expect(await run.getByTestId('domain-komplext').innerText()).toContain(annaNote);

    for (const p of everyone()) {
      await expect.poll(() => p.domainNotes('enkelt'), WAIT).toEqual([boNote]);
      await expect.poll(() => p.domainNotes('komplicerat'), WAIT).toEqual([evaNote]);
      await expect.poll(() => p.domainNotes('komplext'), WAIT).toEqual([annaNote]);
      expect(await p.domainNotes('kaos')).toEqual([]);
      expect(await p.page.getByTestId('complexity-untagged').count()).toBe(0);
    }
    await expect.poll(() => projector.page.getByTestId('complexity-projector').getByTestId('domain-komplext').innerText(), WAIT).toContain(annaNote);

    // Moved with the select, to kaos; everyone follows.
    await run.getByLabel(`Flytta: ${evaNote}`).selectOption({ label: 'Kaos' });
    await expect.poll(() => phone('dan').domainNotes('kaos'), WAIT).toEqual([evaNote]);

    await axe('complexity-sorting: phone', phone('dan').page);
    await axe('complexity-sorting: cockpit', cockpit.page);
    await axe('complexity-sorting: projector', projector.page);
    await phone('dan').scrollToTop();
    await screenshot(phone('dan').page, 'instrument-complexity-sorting-phone-sv');
    await cockpit.scrollTo('current-step-title');
    await screenshot(cockpit.page, 'instrument-complexity-sorting-facilitator-sv');
    await screenshot(projector.page, 'instrument-complexity-sorting-projector-sv');
  });

  it('passes axe on every view checked with no serious or critical findings, with no outbound request and no page error', () => {
    const labels = Object.keys(axeFindings);
    for (const type of ['dialogue-cloth', 'reflection', 'seven-questions', 'personas', 'partnership-matrix', 'complexity-sorting']) {
      expect(labels.filter((l) => l.startsWith(`${type}: phone`)).length, type).toBeGreaterThan(0);
      expect(labels.filter((l) => l.startsWith(`${type}: cockpit`)).length, type).toBeGreaterThan(0);
    }
    expect(labels.filter((l) => l.includes(': projector')).length).toBeGreaterThanOrEqual(3);
    expect(axeFindings).toEqual(Object.fromEntries(labels.map((k) => [k, []])));
    expect(outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
