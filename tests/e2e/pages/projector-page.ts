import type { Locator, Page } from 'playwright-core';

/** The room's big screen (`#projector=<sessionId>`): nothing to click but "Helskärm". */
export class ProjectorPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.locator('.projector-layout').waitFor();
  }

  /** The session title on the welcome screen, or the current step's question. */
  stepTitle(): Locator {
    return this.page.getByTestId('current-step-title');
  }

  timerDigits(): Locator {
    return this.page.getByTestId('timer').getByRole('timer');
  }

  joinCode(): Locator {
    return this.page.getByTestId('projector-join-code');
  }

  /** The note wall (newest first) during note-board steps and after a reveal. */
  noteTexts(): Promise<string[]> {
    return this.page.locator('.projector-notes .note-text').allInnerTexts();
  }

  /** The notes under one heading while the facilitator groups them. */
  clusterNotes(heading: string): Locator {
    return this.page.getByTestId('clusters').getByRole('region', { name: new RegExp(`^${heading}`) }).locator('.note-text');
  }

  voteResults(): Locator {
    return this.page.getByTestId('vote-results').locator('li');
  }

  /** "Svaren är stängda just nu." while input is locked. */
  lockedLine(): Locator {
    return this.page.locator('.projector-locked');
  }
}
