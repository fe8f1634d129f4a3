import { useT } from '../i18n';

/** A loading line that screen readers hear once ("Laddar…"). */
export function Loading({ label }: { readonly label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}
