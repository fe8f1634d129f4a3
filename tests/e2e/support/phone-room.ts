import { ParticipantPage } from '../pages/participant-page';
import { PHONE } from './browser';
import { openHostAndPage, type HostAndPage } from './host-and-page';
import { routePhoneWifi, type PhoneWifi } from './phone-wifi';

/**
 * One host on a fixed free port (so it can restart where the phone expects it), and one phone in
 * Chromium (360×740, Swedish) whose sync sockets go through a Wi-Fi the test can drop. Every request
 * leaving the machine and every page error is recorded for the test to check.
 */
export interface PhoneRoom extends Omit<HostAndPage, 'page'> {
  readonly phone: ParticipantPage;
  readonly wifi: PhoneWifi;
}

export async function openPhoneRoom({ timeoutMs = 15_000 }: { readonly timeoutMs?: number } = {}): Promise<PhoneRoom> {
  const room = await openHostAndPage({ device: PHONE, fixedPort: true, timeoutMs });
  try {
    const wifi = await routePhoneWifi(room.page);
    return {
      get host() {
        return room.host;
      },
      port: room.port,
      phone: new ParticipantPage(room.page),
      wifi,
      outbound: room.outbound,
      pageErrors: room.pageErrors,
      restartHost: () => room.restartHost(),
      close: () => room.close(),
    };
  } catch (error) {
    await room.close();
    throw error;
  }
}
