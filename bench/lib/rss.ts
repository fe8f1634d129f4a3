import { rssMb } from './processes';

/** Samples a process's RSS every `everyMs`; `stop()` returns the peak in MB. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process ended
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      try {
        peak = Math.max(peak, rssMb(pid));
      } catch {
        // the process ended
      }
      return peak;
    },
  };
}
