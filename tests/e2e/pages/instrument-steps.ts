import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { isContentPack, packOfKind, parseContentPack, type PackKind, type PackOf } from '../../../src/core/instruments/content-pack';
import type { Answer } from '../../../src/core/instruments/vocabulary';
import type { ParticipantRole } from '../../../src/core/roles';

/**
 * Page helpers for the instrument steps (issue #4) in Swedish, the default language: a phone that
 * joins with the code and then follows the steps, the facilitator's cockpit ("Genomför") and the
 * projector. Kept apart from the general page models so the instrument tests own their locators.
 */

const ROLE_BUTTON: Record<ParticipantRole, string> = {
  patient: 'Patient',
  relative: 'Närstående',
  'patient-rep': 'Patientföreträdare',
  staff: 'Medarbetare',
  'facilitator-assistant': 'Facilitatorsassistent',
  other: 'Annan',
};

/** The Swedish labels of the answer scale, as the seven-questions pack gives them. */
export const ANSWER_LABEL: Record<Answer, string> = { ja: 'Ja', delvis: 'Delvis', nej: 'Nej', 'vet-inte': 'Vet inte' };

/** A pack from resources/content-packs, parsed with the schema the host uses. */
export function loadPack<K extends PackKind>(file: string, kind: K): PackOf<K> {
  const parsed = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs', file), 'utf8'));
  if (!isContentPack(parsed)) throw new Error(`${file}: ${parsed.issues.join('; ')}`);
  const pack = packOfKind(parsed, kind);
  if (!pack) throw new Error(`${file} is a ${parsed.kind} pack, not ${kind}`);
  return pack;
}

/** A participant's phone, driven only through what is on the screen. */
export class Phone {
  constructor(
    readonly page: Page,
    /** Who this is, for messages ("Anna", or "närstående" for the anonymous one). */
    readonly label: string,
  ) {}

  async join(baseUrl: string, code: string, name: string | null, role: ParticipantRole): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.page.getByLabel('Kod').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await this.page.getByRole('button', { name: 'Fortsätt' }).click();
    if (name === null) await this.page.getByLabel('Var anonym').check();
    else await this.page.getByLabel('Vad vill du kallas?').fill(name);
    await this.page.getByRole('button', { name: ROLE_BUTTON[role], exact: true }).click();
    await this.page.getByRole('button', { name: 'Gå med' }).click();
  }

  async scrollToTop(): Promise<void> {
    await this.page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  }

  connectionStatus(): Locator {
    return this.page.getByTestId('connection-status');
  }

  stepTitle(): Locator {
    return this.page.getByTestId('current-step-title');
  }

  // ── Dialogue cloth ─────────────────────────────────────────────────────────────────────────

  clothCards(): Locator {
    return this.page.getByTestId('cloth-questions').getByRole('button');
  }

  clothCard(question: string): Locator {
    return this.clothCards().filter({ hasText: question });
  }

  /** Taps a question, writes on it and waits until the note is listed under it. */
  async writeOnQuestion(question: string, text: string): Promise<void> {
    await this.clothCard(question).click();
    await this.page.getByRole('heading', { name: question }).waitFor();
    await this.page.getByLabel('Skriv ditt svar på frågan').fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
    await this.page.getByTestId('notes').locator('.note-text', { hasText: text }).waitFor();
  }

  async backToQuestions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Alla frågor' }).click();
    await this.page.getByTestId('cloth-questions').waitFor();
  }

  // ── Reflection ─────────────────────────────────────────────────────────────────────────────

  reflectionProgress(): Locator {
    return this.page.getByTestId('reflection-progress');
  }

  /** Answers the prompt on screen privately and waits until the phone lists it under "Det du har svarat". */
  async answerReflection(text: string): Promise<void> {
    await this.page.getByLabel('Ditt svar').fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
    await this.page.getByTestId('private-answers').locator('li', { hasText: text }).waitFor();
  }

  async nextReflectionPrompt(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nästa fråga' }).click();
  }

  // ── Seven questions ────────────────────────────────────────────────────────────────────────

  /** The fieldset of question `no` ("Fråga 1 av 7 …"). */
  sevenQuestion(no: number, total: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Fråga ${no} av ${total}`) });
  }

  /** Answers the questions in order, then waits until the phone says all are saved. */
  async answerSeven(answers: readonly Answer[]): Promise<void> {
    for (const [i, answer] of answers.entries()) {
      await this.sevenQuestion(i + 1, answers.length).getByRole('radio', { name: ANSWER_LABEL[answer], exact: true }).check();
    }
    await this.page.getByTestId('seven-progress').filter({ hasText: `Du har svarat på ${answers.length} av ${answers.length} frågor` }).waitFor();
    await this.page.getByTestId('seven-status').filter({ hasText: 'Sparat' }).waitFor();
  }

  // ── Personas ───────────────────────────────────────────────────────────────────────────────

  personaCards(): Locator {
    return this.page.getByTestId('persona-card');
  }

  /** Opens "Kontaktvägar för <persona>" and ticks one channel. */
  async tickChannel(persona: string, channel: string): Promise<void> {
    const marks = this.page.locator('details.channel-marks').filter({ hasText: `Kontaktvägar för ${persona}` });
    if ((await marks.getAttribute('open')) === null) await marks.locator('summary').click();
    const box = marks.getByRole('checkbox', { name: channel, exact: true });
    await box.check();
  }

  // ── Partnership matrix ─────────────────────────────────────────────────────────────────────

  /** A toggle by cell, e.g. "today:direct-care:initiate" → data-testid mark-today-direct-care-initiate. */
  markToggle(cell: string): Locator {
    return this.page.getByTestId(`mark-${cell.replace(/:/g, '-')}`);
  }

  async toggleMark(cell: string): Promise<void> {
    const toggle = this.markToggle(cell);
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    await toggle.and(this.page.locator(`[aria-pressed="${before === 'true' ? 'false' : 'true'}"]`)).waitFor();
  }

  // ── Complexity ─────────────────────────────────────────────────────────────────────────────

  domainNotes(domain: 'enkelt' | 'komplicerat' | 'komplext' | 'kaos'): Promise<string[]> {
    return this.page.getByTestId(`domain-${domain}`).locator('.note-text').allInnerTexts();
  }
}

/** The facilitator's run cockpit ("Genomför"). */
export class Cockpit {
  constructor(readonly page: Page) {}

  /** Opens the browser facilitator with the token, then the session, then "Genomför". */
  async open(hostUrl: string, token: string, sessionTitle: string): Promise<void> {
    await this.page.goto(`${hostUrl}/#token=${token}`);
    await this.page.getByRole('link', { name: `Öppna ${sessionTitle}` }).click();
    await this.page.getByRole('tab', { name: 'Genomför' }).click();
    await this.run().waitFor();
  }

  run(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Genomför' });
  }

  stepTitle(): Locator {
    return this.run().getByTestId('current-step-title');
  }

  toolbarButton(name: string | RegExp): Locator {
    return this.run().getByRole('toolbar', { name: 'Styr sessionen' }).getByRole('button', { name });
  }

  /** A run key, pressed with no field focused (the shortcuts ignore keys typed into fields). */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.matches('input, textarea, select, button')) active.blur();
    });
    await this.page.keyboard.press(key);
  }

  /** Scrolls so an element starts just under the sticky toolbar (for screenshots). */
  async scrollTo(testId: string): Promise<void> {
    await this.run()
      .getByTestId(testId)
      .first()
      .evaluate((el) => {
        const bar = document.querySelector('[role="toolbar"]')?.getBoundingClientRect().bottom ?? 0;
        window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - Math.max(0, bar) - 12, behavior: 'instant' });
      });
  }
}

/** The projector (`#projector=<sessionId>`), opened in the facilitator's browser context. */
export class Projector {
  constructor(readonly page: Page) {}

  async open(hostUrl: string, token: string, sessionId: string): Promise<void> {
    await this.page.goto(`${hostUrl}/#token=${token}`);
    await this.page.getByRole('button', { name: 'Ny session' }).first().waitFor();
    await this.page.evaluate((id) => {
      window.location.hash = `#projector=${encodeURIComponent(id)}`;
    }, sessionId);
    await this.page.locator('.projector-layout').waitFor();
  }

  stepTitle(): Locator {
    return this.page.getByTestId('current-step-title');
  }
}
