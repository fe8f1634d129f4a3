import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';

export type Loaded<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly code: ApiErrorCode }
  | { readonly kind: 'ready'; readonly value: T };

export interface Reloadable<T> {
  readonly state: Loaded<T>;
  /** True while a reload runs; the last answer stays on screen meanwhile (no flash of "loading"). */
  readonly reloading: boolean;
  /** Loads again; the promise settles when the new answer (or error) is in the state. */
  readonly reload: () => Promise<void>;
}

/** Runs `load` on mount and on `reload()`; answers that arrive after unmount or a newer load are ignored. */
export function useReloadable<T>(load: () => Promise<T>): Reloadable<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [reloading, setReloading] = useState(false);
  const [round, setRound] = useState(0);
  const [waiters] = useState(() => new Set<() => void>());

  useEffect(() => {
    let live = true;
    const settle = (next: Loaded<T>) => {
      if (!live) return;
      setState(next);
      setReloading(false);
      for (const resolve of waiters) resolve();
      waiters.clear();
    };
    load().then(
      (value) => settle({ kind: 'ready', value }),
      (failure: unknown) => settle({ kind: 'error', code: errorCodeOf(failure) }),
    );
    return () => {
      live = false;
    };
  }, [load, round, waiters]);

  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.add(resolve);
        setReloading(true);
        setRound((n) => n + 1);
      }),
    [waiters],
  );
  return { state, reloading, reload };
}
