// Registers the personas views: the phone's part is in the main bundle, the rest loads on first use.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { PersonasParticipant } from './personas-participant';

registerInstrumentViews('personas', {
  participant: PersonasParticipant,
  facilitator: lazyView(() => import('./personas-facilitator')),
  projector: lazyView(() => import('./personas-projector')),
  configFields: lazyView(() => import('./personas-config')),
});
