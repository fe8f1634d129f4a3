/** What the probe uses of the page's globals (the bench compiles without the DOM library). */
interface PageGlobals {
  localStorage: { setItem(key: string, value: string): void };
  document: {
    body: unknown;
    querySelectorAll(selector: string): { length: number };
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    addEventListener(type: string, listener: () => void): void;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: object): void };
  __bench: Probe;
}

export interface Probe {
  /** When the list first drew `target` notes (its first paint). */
  notesAt: number;
  /** When it drew `full` notes (all it draws before "show older"). */
  fullAt: number;
  longTasks: number[];
  maxLagMs: number;
  measuring: boolean;
  /** Notes drawn in the list. */
  count(): number;
  /** Notes the list holds (drawn or behind "show older"): its `data-count`. */
  known(): number;
}

/**
 * Runs in the page before any of its scripts (Playwright addInitScript), so it must stay
 * self-contained. Records when the board first lists `target` notes and when it lists `full`
 * (performance.now(), i.e. ms since navigation start), long tasks (PerformanceObserver 'longtask'), and the page's event-loop
 * delay (how late a 50 ms timer fires).
 */
export function installProbe(args: { target: number; full: number; storage: Record<string, string> }): void {
  const page = globalThis as unknown as PageGlobals;
  for (const [key, value] of Object.entries(args.storage)) page.localStorage.setItem(key, value);
  const state: Probe = {
    notesAt: 0,
    fullAt: 0,
    longTasks: [],
    maxLagMs: 0,
    measuring: false,
    count: () => page.document.querySelectorAll('[data-testid="notes"] > li').length,
    known: () => Number(page.document.querySelector('[data-testid="notes"]')?.getAttribute('data-count') ?? 0),
  };
  page.__bench = state;
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (state.measuring) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (state.measuring) state.maxLagMs = Math.max(state.maxLagMs, now - last - 50);
    last = now;
  }, 50);
  const watch = new page.MutationObserver(() => {
    const count = state.count();
    if (state.notesAt === 0 && count >= args.target) state.notesAt = performance.now();
    if (state.fullAt === 0 && count >= args.full) {
      state.fullAt = performance.now();
      watch.disconnect();
    }
  });
  page.document.addEventListener('DOMContentLoaded', () => watch.observe(page.document.body, { childList: true, subtree: true }));
}
