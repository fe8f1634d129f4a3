import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';

export type AsyncState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly code: ApiErrorCode }
  | { readonly kind: 'ready'; readonly value: T };

/** Runs `load` on mount and on `reload()`; ignores answers that arrive after unmount. */
export function useAsync<T>(load: () => Promise<T>): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ kind: 'ready', value }),
      (failure: unknown) => live && setState({ kind: 'error', code: errorCodeOf(failure) }),
    );
    return () => {
      live = false;
    };
  }, [load, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [state, reload];
}
