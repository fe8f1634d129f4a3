import type { Locator, Page } from 'playwright-core';

/**
 * An improvement (förbättringsarbete) as the facilitator sees it: on its own page
 * (`#improvement=<id>`) or inside a session ("Förbättringsarbete" under the cockpit). Every
 * locator is by the names a screen reader announces, in Swedish (the default).
 */
export class ImprovementPage {
  constructor(
    readonly page: Page,
    /** The editor (`improvement-editor`), on its page or in the session's panel. */
    readonly root: Locator,
  ) {}

  static onItsPage(page: Page): ImprovementPage {
    return new ImprovementPage(page, page.getByTestId('improvement-editor'));
  }

  static inSession(page: Page): ImprovementPage {
    return new ImprovementPage(page, page.getByTestId('session-improvements').getByTestId('improvement-editor'));
  }

  title(): Locator {
    return this.root.getByTestId('improvement-title');
  }

  saveStatus(): Locator {
    return this.root.getByTestId('save-status');
  }

  /** Waits until everything typed has reached the host. */
  async waitUntilSaved(): Promise<void> {
    await this.root.getByTestId('save-status').filter({ hasText: /^Sparat / }).waitFor({ timeout: 15_000 });
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Spara', exact: true }).click();
    await this.waitUntilSaved();
  }

  section(question: string): Locator {
    return this.root.getByRole('region', { name: question });
  }

  aim(): Locator {
    return this.section('Vad vill vi åstadkomma?');
  }

  measures(): Locator {
    return this.section('Hur vet vi att en förändring är en förbättring?');
  }

  ideas(): Locator {
    return this.section('Vilka förändringar leder till en förbättring?');
  }

  // ── Measures ───────────────────────────────────────────────────────────────────────────────

  async addMeasure(m: { name: string; kind: 'Resultatmått' | 'Processmått' | 'Balansmått'; definition: string; unit: string; higherIsBetter: boolean; baseline?: number }): Promise<void> {
    await this.measures().getByRole('button', { name: 'Nytt mätetal' }).click();
    const form = this.measures().getByTestId('measure-form');
    await form.getByLabel('Namn på mätetalet').fill(m.name);
    await form.getByRole('radio', { name: new RegExp(`^${m.kind}`) }).check();
    await form.getByLabel(/^Definition/).fill(m.definition);
    await form.getByLabel('Enhet', { exact: true }).fill(m.unit);
    if (m.baseline !== undefined) await form.getByLabel(/^Baslinje/).fill(String(m.baseline));
    await form.getByRole('radio', { name: m.higherIsBetter ? 'Högre är bättre' : 'Lägre är bättre' }).check();
    await form.getByRole('button', { name: 'Lägg till mätetalet' }).click();
  }

  measure(name: string): Locator {
    return this.measures().getByRole('article', { name: new RegExp(`^${escape(name)}`) });
  }

  /** Opens "Klistra in från kalkylark" and types the pasted text; the preview follows. */
  async paste(measureName: string, text: string): Promise<Locator> {
    const card = this.measure(measureName);
    const details = card.locator('details', { hasText: 'Klistra in från kalkylark' });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await card.getByLabel('Klistra in två kolumner: datum och värde').fill(text);
    return card;
  }

  async addPasted(measureName: string, count: number): Promise<void> {
    const label = count === 1 ? 'Lägg till 1 mätvärde' : `Lägg till ${count} mätvärden`;
    await this.measure(measureName).getByRole('button', { name: label }).click();
  }

  // ── Change ideas and cycles ───────────────────────────────────────────────────────────────

  idea(text: string): Locator {
    return this.ideas().getByRole('article', { name: text });
  }

  cycles(ideaText: string): Locator {
    return this.idea(ideaText).getByTestId('cycle');
  }

  /** The open cycle's part tab, e.g. "Studera". */
  async showPart(cycle: Locator, part: 'Planera' | 'Göra' | 'Studera' | 'Agera'): Promise<Locator> {
    await cycle.getByRole('tab', { name: new RegExp(`${part}`) }).click();
    return cycle.getByRole('tabpanel');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
