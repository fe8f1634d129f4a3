/** Whether this computer's facilitator has seen (and put away) the first-run guide. */
import { deviceSetting } from '../../preferences/device-setting';

export const guideSeen = deviceSetting<'no' | 'yes'>('samskapa:guide-seen', ['no', 'yes'], 'no', () => {});

export function useGuideSeen(): boolean {
  return guideSeen.use() === 'yes';
}

export function markGuideSeen(): void {
  guideSeen.set('yes');
}
