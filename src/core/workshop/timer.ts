/**
 * The step countdown, in host-clock milliseconds. Every device computes what it shows from this
 * state and its estimate of the host clock, so phones with wrong clocks still agree.
 * Durations may be long (a whole-day step); overtime is negative remaining time, not an error.
 */
export type TimerState =
  | { readonly status: 'idle'; readonly durationMs: number }
  | { readonly status: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly status: 'paused'; readonly durationMs: number; readonly remainingMs: number };

export function idleTimer(durationMs: number): TimerState {
  return { status: 'idle', durationMs: Math.max(0, durationMs) };
}

/** Milliseconds left; negative when the time has run out and the step goes on. */
export function remainingMs(timer: TimerState, now: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return timer.remainingMs;
    case 'running':
      return timer.endsAt - now;
  }
}

export function startTimer(timer: TimerState, now: number): TimerState {
  if (timer.status === 'running') return timer;
  return { status: 'running', durationMs: timer.durationMs, endsAt: now + Math.max(0, remainingMs(timer, now)) };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer;
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: timer.endsAt - now };
}

/** Adds time. Extending a timer in overtime starts the extra time from now, not from zero past. */
export function extendTimer(timer: TimerState, extraMs: number, now: number): TimerState {
  const durationMs = timer.durationMs + extraMs;
  switch (timer.status) {
    case 'idle':
      return { status: 'idle', durationMs };
    case 'paused':
      return { status: 'paused', durationMs, remainingMs: Math.max(0, timer.remainingMs) + extraMs };
    case 'running':
      return { status: 'running', durationMs, endsAt: Math.max(timer.endsAt, now) + extraMs };
  }
}

/** "12:05", "1:02:03", "−0:42" for overtime. Minus sign so screen readers say "minus". */
export function formatRemaining(ms: number): string {
  const negative = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return negative && total > 0 ? `−${body}` : body;
}

/**
 * Estimates the host clock offset from one request: the host's time is taken to be at the middle of
 * the round trip. `hostNow ≈ Date.now() + offset`.
 */
export function clockOffset(sentAt: number, receivedAt: number, hostTime: number): number {
  return hostTime - (sentAt + receivedAt) / 2;
}
