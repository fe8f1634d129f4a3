import { FacilitatorPage } from '../pages/facilitator-page';
import { LAPTOP } from './browser';
import { openHostAndPage, type HostAndPage } from './host-and-page';

/**
 * One host serving the built page, and the facilitator's window in Chromium on a laptop (1280×800,
 * Swedish). Every request leaving the machine and every page error is recorded for the test to check.
 */
export interface LaptopRoom extends Pick<HostAndPage, 'host' | 'outbound' | 'pageErrors' | 'close'> {
  readonly facilitator: FacilitatorPage;
}

export async function openLaptopRoom(): Promise<LaptopRoom> {
  const room = await openHostAndPage({ device: LAPTOP });
  return {
    host: room.host,
    facilitator: new FacilitatorPage(room.page),
    outbound: room.outbound,
    pageErrors: room.pageErrors,
    close: () => room.close(),
  };
}
