// Registers the reflection views: the phone's eagerly, the rest loaded when first shown.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { ReflectionParticipant } from './reflection-participant';

registerInstrumentViews('reflection', {
  participant: ReflectionParticipant,
  facilitator: lazyView(() => import('./reflection-facilitator')),
  projector: lazyView(() => import('./reflection-projector')),
  configFields: lazyView(() => import('./reflection-config')),
});
