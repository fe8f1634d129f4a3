import { citation, type ContentPack } from '../../../../core/instruments/content-pack';
import type { Provenance } from '../../../../core/instruments/pack-parts';
import { useLanguage } from '../../../i18n';
import './source-line.css';

/** A line worked out already (a pack's source name), or the pack and the item to cite. */
type SourceLineProps = (
  | {
      readonly text: string | null;
      /** Said after the source when the session reworded the pack's text ("ändrad i sessionen"). */
      readonly edited?: string | null;
    }
  | { readonly pack: Pick<ContentPack, 'sources'>; readonly item: Pick<Provenance, 'source' | 'ref'> }
) & { readonly className?: string };

/**
 * "Källa: SKR, Ett steg till, 2022 (001 L218)" under a pack text: every pack text shown names where
 * it comes from. Renders nothing when there is no source to name.
 */
export function SourceLine(props: SourceLineProps) {
  const lang = useLanguage();
  const text = 'pack' in props ? citation(props.pack, props.item, lang) : props.text;
  const edited = 'pack' in props ? null : (props.edited ?? null);
  if (!text) return null;
  return (
    <p className={['source-line', props.className ?? ''].join(' ').trim()} data-testid="pack-source">
      {text}
      {edited ? <span className="pack-edited"> · {edited}</span> : null}
    </p>
  );
}
