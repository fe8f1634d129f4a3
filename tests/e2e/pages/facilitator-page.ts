import type { Page } from 'playwright-core';

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

  async openSession(title: string): Promise<void> {
    await this.page.getByRole('link', { name: `Öppna ${title}` }).click();
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

  notes() {
    return this.page.getByTestId('notes').locator('li');
  }

  async write(text: string): Promise<void> {
    await this.page.getByLabel('Skriv din tanke här').fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
  }
}
