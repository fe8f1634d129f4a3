// Registers the partnership-matrix views: the phone's part is in the main bundle, the rest loads on first use.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { MatrixParticipant } from './matrix-participant';

registerInstrumentViews('partnership-matrix', {
  participant: MatrixParticipant,
  facilitator: lazyView(() => import('./matrix-facilitator')),
  projector: lazyView(() => import('./matrix-projector')),
  configFields: lazyView(() => import('./matrix-config')),
});
