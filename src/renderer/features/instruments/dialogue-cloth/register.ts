// Registers the dialogue-cloth views: the phone's eagerly, the rest loaded when first shown.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { ClothParticipant } from './cloth-participant';

registerInstrumentViews('dialogue-cloth', {
  participant: ClothParticipant,
  facilitator: lazyView(() => import('./cloth-facilitator')),
  projector: lazyView(() => import('./cloth-projector')),
  configFields: lazyView(() => import('./cloth-config')),
});
