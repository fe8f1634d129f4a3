/**
 * Small JSON wrappers over Web Storage. Storage can be missing or full (private browsing,
 * a locked-down kiosk); then the app still works for this page view, it just cannot remember.
 * That is a documented degradation, not a swallowed failure: callers treat `null` as "nothing saved".
 */
type Area = 'local' | 'session';

function area(which: Area): Storage | null {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readString(key: string, which: Area = 'local'): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Returns false when the value could not be stored. */
export function writeString(key: string, value: string, which: Area = 'local'): boolean {
  try {
    const storage = area(which);
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string, which: Area = 'local'): void {
  try {
    area(which)?.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export function readJson(key: string, which: Area = 'local'): unknown {
  const raw = readString(key, which);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown, which: Area = 'local'): boolean {
  return writeString(key, JSON.stringify(value), which);
}
