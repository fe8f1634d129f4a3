import { citation, type ContentPack } from '../../../../core/instruments/content-pack';
import type { Provenance } from '../../../../core/instruments/pack-parts';
import { useLanguage } from '../../../i18n';

/** "Källa: SKR, Ett steg till, 2022 (001 L218)": every pack text shown names where it comes from. */
export function SourceLine({ pack, item, className }: { readonly pack: Pick<ContentPack, 'sources'>; readonly item: Pick<Provenance, 'source' | 'ref'>; readonly className?: string }) {
  const lang = useLanguage();
  return <p className={['source-line', className ?? ''].join(' ').trim()}>{citation(pack, item, lang)}</p>;
}
