import type { Locator, Page } from 'playwright-core';
import { ProjectorPage } from './projector-page';

/** The facilitator's screens, by the names a screen reader would announce (Swedish, the default). */
export class FacilitatorPage {
  constructor(readonly page: Page) {}

  async open(hostUrl: string, token: string): Promise<void> {
    await this.page.goto(`${hostUrl}/#token=${token}`);
  }

  async createSession(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Ny session' }).first().click();
    await this.page.getByLabel('Namn på sessionen').fill(title);
    await this.page.getByRole('button', { name: 'Skapa session' }).click();
  }

  /** Creates a session from a template chosen in the create form's picker ("Börja från"). */
  async createSessionFromTemplate(title: string, templateTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Ny session' }).first().click();
    await this.page.getByLabel('Namn på sessionen').fill(title);
    const picker = this.page.getByRole('group', { name: 'Börja från' });
    await picker.getByRole('radio', { name: new RegExp(`^${escapeRegExp(templateTitle)}`) }).check();
    await this.page.getByRole('button', { name: 'Skapa session' }).click();
  }

  async openSession(title: string): Promise<void> {
    await this.page.getByRole('link', { name: `Öppna ${title}` }).click();
  }

  /** The open session's id, from the `#s=<id>` route. */
  sessionId(): string {
    return decodeURIComponent(new URL(this.page.url()).hash.replace(/^#s=/, ''));
  }

  /** Opens the session to the room on loopback (tests never listen on a real LAN address). */
  async shareOnLoopback(): Promise<{ code: string; url: string }> {
    await this.page.getByRole('button', { name: 'Öppna för rummet' }).click();
    await this.page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
    await this.page.getByRole('button', { name: 'Öppna', exact: true }).click();
    const code = (await this.page.getByTestId('join-code').first().innerText()).replace(/\s/g, '');
    const url = await this.page.getByTestId('join-url').first().innerText();
    return { code, url };
  }

  /** Closes the share dialog with Esc and waits until it is gone, so run keys reach the cockpit. */
  async closeShareDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('join-code').first().waitFor({ state: 'hidden' });
  }

  notes() {
    return this.page.getByTestId('notes').locator('li');
  }

  async write(text: string): Promise<void> {
    await this.page.getByLabel('Skriv din tanke här').fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
  }

  // ── Modes ────────────────────────────────────────────────────────────────────────────────────

  /** "Genomför": the run cockpit (both tab panels stay mounted, so locators are scoped to one). */
  run(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Genomför' });
  }

  plan(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Planera' });
  }

  async showRun(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Genomför' }).click();
    await this.run().waitFor();
  }

  async showPlan(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Planera' }).click();
    await this.plan().waitFor();
  }

  /** Splits the room into tables in "Planera" ("Bord"), mixing roles, and returns to the cockpit. */
  async splitIntoTables(count: number): Promise<void> {
    await this.showPlan();
    const panel = this.plan().getByTestId('groups-panel');
    await panel.getByLabel('Antal bord').selectOption(String(count));
    await panel.getByRole('radio', { name: /Blanda roller/ }).check();
    await panel.getByRole('button', { name: /^Dela in/ }).click();
  }

  /** The members listed at one table, e.g. "Bord 1": names (or "Anonym") in the order shown. */
  tableMembers(table: string): Locator {
    return this.plan().getByRole('region', { name: table }).locator('.group-member-name > span:first-child');
  }

  // ── Run cockpit ──────────────────────────────────────────────────────────────────────────────

  agendaSteps(): Locator {
    return this.run().getByTestId('agenda-rail').getByRole('listitem');
  }

  stepTitle(): Locator {
    return this.run().getByTestId('current-step-title');
  }

  /** The current step's line "Steg 3 av 9 · Tyst skrivande · i grupper". */
  stepEyebrow(): Locator {
    return this.run().locator('.current-step .eyebrow');
  }

  /** A run key (N, Space, R, L, Control+z…), pressed with no field focused, as the shortcuts require. */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.matches('input, textarea, select')) active.blur();
    });
    await this.page.keyboard.press(key);
  }

  button(name: string | RegExp): Locator {
    return this.run().getByRole('toolbar', { name: 'Styr sessionen' }).getByRole('button', { name });
  }

  /** Scrolls the cockpit so its toolbar is at the top: the step and what comes in fill the screen. */
  async scrollToToolbar(): Promise<void> {
    // By class, not by name: it also runs while the UI is in English.
    await this.page
      .locator('.run-toolbar')
      .evaluate((toolbar) => window.scrollTo({ top: toolbar.getBoundingClientRect().top + window.scrollY - 8, behavior: 'instant' }));
  }

  lockButton(): Locator {
    return this.button(/^Lås svar/);
  }

  /** The countdown's digits in the toolbar ("9:58"). */
  timerDigits(): Locator {
    return this.run().getByTestId('timer').getByRole('timer');
  }

  stepNotes(): Locator {
    return this.run().locator('.current-step').getByTestId('notes').locator('li');
  }

  privateCount(): Locator {
    return this.run().getByTestId('private-count');
  }

  answered(): Locator {
    return this.run().getByTestId('answered');
  }

  answeredNames(): Locator {
    return this.answered().locator('.answered-names li');
  }

  async hideNote(text: string): Promise<void> {
    await this.run().getByRole('button', { name: `Dölj: ${text.slice(0, 60)}` }).click();
  }

  hiddenNotes(): Locator {
    return this.run().getByTestId('hidden-notes');
  }

  async restoreNote(text: string): Promise<void> {
    const hidden = this.hiddenNotes();
    if ((await hidden.getAttribute('open')) === null) await hidden.locator('summary').click();
    await hidden.getByRole('button', { name: `Återställ: ${text.slice(0, 60)}` }).click();
  }

  async addHeading(title: string): Promise<void> {
    await this.run().getByLabel('Ny rubrik').fill(title);
    await this.run().getByRole('button', { name: 'Lägg till rubrik' }).click();
  }

  /** Places a note under a heading with its "Rubrik för: <text>" select. */
  async placeNote(text: string, heading: string): Promise<void> {
    await this.run().getByLabel(`Rubrik för: ${text.slice(0, 60)}`).selectOption({ label: heading });
  }

  /** The notes shown under one heading in the grouping editor. */
  clusterNotes(heading: string): Locator {
    return this.run().getByTestId('grouping-notes').getByRole('region', { name: heading }).locator('.note-text');
  }

  voteResults(): Locator {
    return this.run().getByTestId('vote-results').locator('li');
  }

  /** "Öppna projektorvy": a new window in this context that inherits the token through sessionStorage. */
  async openProjector(): Promise<ProjectorPage> {
    const [page] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.page.getByRole('button', { name: 'Öppna projektorvy' }).click(),
    ]);
    await page.setViewportSize({ width: 1280, height: 720 });
    return new ProjectorPage(page);
  }

  projectorJoinToggle(): Locator {
    return this.page.getByRole('button', { name: 'Visa koden på projektorn' });
  }

  /** "Svenska" / "English": each names its language in that language, so the names never change. */
  async chooseLanguage(language: 'Svenska' | 'English'): Promise<void> {
    await this.page.getByRole('button', { name: language, exact: true }).click();
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
