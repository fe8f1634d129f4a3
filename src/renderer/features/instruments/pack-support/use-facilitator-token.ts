import { useEffect, useState } from 'react';
import { resolveFacilitatorToken } from '../../../app/facilitator-token';

/** The facilitator's token for the instruments' HTTP calls (null until known, or on a phone). */
export function useFacilitatorToken(): string | null {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void resolveFacilitatorToken().then((value) => {
      if (live) setToken(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return token;
}
