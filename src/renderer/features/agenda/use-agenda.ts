import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeAgenda, selectAgenda, type Step } from '../../../core/workshop/agenda';
import { useDocSelector } from '../../sync/use-doc-selector';

/** The session's agenda in order, re-rendering on every change (local or from the host). */
export function useAgenda(control: Y.Doc): readonly Step[] {
  return useDocSelector(control, observeAgenda, selectAgenda);
}

/**
 * The current time, refreshed every `intervalMs` while `enabled`: the planned times follow the
 * clock when the agenda has no fixed start.
 */
export function useNow(enabled: boolean, intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [enabled, intervalMs]);
  return now;
}
