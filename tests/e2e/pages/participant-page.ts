import type { Locator, Page } from 'playwright-core';
import type { ParticipantRole } from '../../../src/core/roles';

const ROLE_NAMES: Record<ParticipantRole, string> = {
  patient: 'Patient',
  relative: 'Närstående',
  'patient-rep': 'Patientföreträdare',
  staff: 'Medarbetare',
  'facilitator-assistant': 'Facilitatorsassistent',
  other: 'Annan',
};

/** A participant's phone or laptop. */
export class ParticipantPage {
  constructor(readonly page: Page) {}

  async joinWithCode(baseUrl: string, code: string, name: string | null, role: ParticipantRole): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.page.getByLabel('Kod').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await this.page.getByRole('button', { name: 'Fortsätt' }).click();
    await this.identify(name, role);
  }

  async identify(name: string | null, role: ParticipantRole): Promise<void> {
    if (name === null) await this.page.getByLabel('Var anonym').check();
    else await this.page.getByLabel('Vad vill du kallas?').fill(name);
    await this.page.getByRole('button', { name: ROLE_NAMES[role], exact: true }).click();
    await this.page.getByRole('button', { name: 'Gå med' }).click();
  }

  notes() {
    return this.page.getByTestId('notes').locator('li');
  }

  /** The texts of the notes this page shows, newest first. */
  async noteTexts(): Promise<string[]> {
    return this.page.getByTestId('notes').locator('.note-text').allInnerTexts();
  }

  composer(): Locator {
    return this.page.getByLabel('Skriv din tanke här');
  }

  async write(text: string): Promise<void> {
    await this.composer().fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
  }

  connectionStatus() {
    return this.page.getByTestId('connection-status');
  }

  // ── During a step ────────────────────────────────────────────────────────────────────────────

  stepTitle(): Locator {
    return this.page.getByTestId('current-step-title');
  }

  async waitForStep(title: string): Promise<void> {
    await this.stepTitle().filter({ hasText: title }).waitFor();
  }

  instructions(): Locator {
    return this.page.locator('.step-question .step-instructions');
  }

  /** "Din grupp: Bord 1" in a group step. */
  groupBadge(): Locator {
    return this.page.locator('.step-group');
  }

  /** The small countdown, shown on the phone once the time runs. */
  timerDigits(): Locator {
    return this.page.getByTestId('timer').getByRole('timer');
  }

  /** "Facilitatorn har stängt för svar just nu" (and that the draft is kept). */
  lockedNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Facilitatorn har stängt för svar just nu' });
  }

  /** Silent writing: sends privately and waits until the phone lists it under "Dina svar". */
  async writePrivately(text: string): Promise<void> {
    await this.write(text);
    await this.privateAnswers().filter({ hasText: text }).waitFor();
  }

  privateAnswers(): Locator {
    return this.page.getByTestId('private-answers').locator('li');
  }

  /** The notes under one heading while the facilitator groups them. */
  clusterNotes(heading: string): Locator {
    return this.page.getByTestId('clusters').getByRole('region', { name: new RegExp(`^${heading}`) }).locator('.note-text');
  }

  votesLeft(): Locator {
    return this.page.getByTestId('votes-left');
  }

  /** Presses "Rösta" on the note with this text (the button is described by the note). */
  async vote(text: string): Promise<void> {
    await this.page
      .getByTestId('vote-options')
      .locator('li', { has: this.page.locator('.note-text', { hasText: text }) })
      .getByRole('button', { name: 'Rösta' })
      .click();
  }

  /** The words on the phone after a refused vote. */
  voteProblem(): Locator {
    return this.page.getByRole('alert');
  }

  voteResults(): Locator {
    return this.page.getByTestId('vote-results').locator('li');
  }

  async chooseLanguage(language: 'Svenska' | 'English'): Promise<void> {
    await this.page.getByRole('button', { name: language, exact: true }).click();
  }
}
