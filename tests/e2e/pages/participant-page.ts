import type { Page } from 'playwright-core';
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

  async write(text: string): Promise<void> {
    await this.page.getByLabel('Skriv din tanke här').fill(text);
    await this.page.getByRole('button', { name: 'Skicka' }).click();
  }

  connectionStatus() {
    return this.page.getByTestId('connection-status');
  }
}
