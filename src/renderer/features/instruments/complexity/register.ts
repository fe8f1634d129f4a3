// Registers the complexity-sorting views: the phone's eagerly, the rest loaded when first shown.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { ComplexityParticipant } from './complexity-participant';

registerInstrumentViews('complexity-sorting', {
  participant: ComplexityParticipant,
  facilitator: lazyView(() => import('./complexity-facilitator')),
  projector: lazyView(() => import('./complexity-projector')),
  configFields: lazyView(() => import('./complexity-config')),
});
