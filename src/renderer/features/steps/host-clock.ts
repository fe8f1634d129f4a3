/**
 * The host's clock as this device estimates it. Timers are stored in host-clock milliseconds
 * (core/workshop/timer.ts), so a phone whose own clock is minutes off still shows the same time
 * left as the projector. One small shared store: the first screen that needs it asks
 * `GET /api/health`, then again every few minutes and whenever the device comes back online.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { clockOffset } from '../../../core/workshop/timer';
import { fetchHealth } from '../../api/participant-api';

const REFRESH_MS = 5 * 60_000;

let offset = 0;
let users = 0;
let refreshTimer: number | undefined;
const listeners = new Set<() => void>();

async function measure(): Promise<void> {
  const sentAt = Date.now();
  try {
    const health = await fetchHealth();
    const next = clockOffset(sentAt, Date.now(), health.now);
    if (Math.abs(next - offset) > 50) {
      offset = next;
      for (const listener of listeners) listener();
    }
  } catch {
    // Host unreachable: keep the last estimate (0 = trust this device) and try again later.
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  users += 1;
  if (users === 1) {
    void measure();
    refreshTimer = window.setInterval(() => void measure(), REFRESH_MS);
    window.addEventListener('online', onOnline);
  }
  return () => {
    listeners.delete(listener);
    users -= 1;
    if (users === 0) {
      window.clearInterval(refreshTimer);
      window.removeEventListener('online', onOnline);
    }
  };
}

function onOnline(): void {
  void measure();
}

/** Milliseconds to add to `Date.now()` to get the host's time. */
export function useClockOffset(): number {
  return useSyncExternalStore(subscribe, () => offset);
}

/** The host's time now, as this device estimates it (for starting, pausing, extending timers). */
export function hostNow(clockOffsetMs: number): number {
  return Date.now() + clockOffsetMs;
}

/** `Date.now()`, re-rendering every `intervalMs` while `active` (a running timer). */
export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [active, intervalMs]);
  return now;
}
