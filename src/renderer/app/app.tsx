import { useEffect, useState, type MouseEvent } from 'react';
import { useT } from '../i18n';
import { LiveRegionProvider } from '../ui/live-region';
import { Loading } from '../ui/spinner';
import { resolveFacilitatorToken } from './facilitator-token';
import { AppRoutes } from './routes';

type TokenState = { readonly kind: 'pending' } | { readonly kind: 'known'; readonly token: string | null };

/** The root: finds out whether this is the facilitator, then hands over to the routes. */
export function App() {
  const t = useT();
  const [token, setToken] = useState<TokenState>({ kind: 'pending' });

  useEffect(() => {
    let live = true;
    resolveFacilitatorToken().then(
      (value) => live && setToken({ kind: 'known', token: value }),
      () => live && setToken({ kind: 'known', token: null }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <LiveRegionProvider>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      {token.kind === 'pending' ? <Loading /> : <AppRoutes facilitatorToken={token.token} />}
    </LiveRegionProvider>
  );
}

/** The skip link must not change the hash (the hash is the route), so it moves focus itself. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
