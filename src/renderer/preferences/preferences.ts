/**
 * A person's own choices on this device: language and larger text (the comfort settings —
 * contrast, read-aloud layout, lättläst — are in comfort.ts). Kept in localStorage so a reload or
 * the next meeting starts the way they left it.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE, isLanguage, setLanguage, type Language } from '../i18n';
import { readString, writeString } from '../storage/local-store';
import { applyStoredComfort } from './comfort';

const LANGUAGE_KEY = 'samskapa:language';
const TEXT_SIZE_KEY = 'samskapa:text-size';

export type TextSize = 'normal' | 'large';

const listeners = new Set<() => void>();
let largeText = readString(TEXT_SIZE_KEY) === 'large';

function emit(): void {
  for (const listener of listeners) listener();
}

export function storedLanguage(): Language {
  const stored = readString(LANGUAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export function chooseLanguage(language: Language): void {
  writeString(LANGUAGE_KEY, language);
  setLanguage(language);
}

function applyTextSize(): void {
  document.documentElement.dataset.textSize = largeText ? 'large' : 'normal';
}

/**
 * Call once at start-up so the first paint already has the chosen size — and the other display
 * choices of comfort.ts (contrast, read-aloud layout), which are applied the same way.
 */
export function applyStoredTextSize(): void {
  applyTextSize();
  applyStoredComfort();
}

export function setLargeText(large: boolean): void {
  largeText = large;
  writeString(TEXT_SIZE_KEY, large ? 'large' : 'normal');
  applyTextSize();
  emit();
}

export function useLargeText(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => largeText,
  );
}
