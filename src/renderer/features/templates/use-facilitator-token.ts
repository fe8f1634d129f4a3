import { useEffect, useState } from 'react';
import { resolveFacilitatorToken } from '../../app/facilitator-token';

/**
 * The facilitator token for components mounted without one in their props (e.g. the save-as-template
 * dialog inside the run view). `given` wins when the parent has it.
 */
export function useFacilitatorToken(given?: string): string | null {
  const [token, setToken] = useState<string | null>(given ?? null);
  useEffect(() => {
    if (given) {
      setToken(given);
      return;
    }
    let live = true;
    resolveFacilitatorToken().then(
      (value) => live && setToken(value),
      () => live && setToken(null),
    );
    return () => {
      live = false;
    };
  }, [given]);
  return token;
}
