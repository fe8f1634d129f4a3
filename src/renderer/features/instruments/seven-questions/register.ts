// Registers the seven-questions views: the phone's part is in the main bundle, the rest loads on first use.
import { registerInstrumentViews } from '../registry';
import { lazyView } from '../packs/lazy-view';
import { SevenQuestionsParticipant } from './seven-participant';
import './seven-phone.css';

registerInstrumentViews('seven-questions', {
  participant: SevenQuestionsParticipant,
  facilitator: lazyView(() => import('./seven-facilitator')),
  projector: lazyView(() => import('./seven-projector')),
  configFields: lazyView(() => import('./seven-config')),
});
