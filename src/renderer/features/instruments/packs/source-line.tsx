import './packs.css';

/** "Källa: SKR, Ett steg till, 2022" under a pack text; says "(ändrad)" when the session reworded it. */
export function SourceLine({ text, edited = null }: { readonly text: string | null; readonly edited?: string | null }) {
  if (!text) return null;
  return (
    <p className="pack-source" data-testid="pack-source">
      {text}
      {edited ? <span className="pack-edited"> · {edited}</span> : null}
    </p>
  );
}
