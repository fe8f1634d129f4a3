/**
 * One remembered choice on this device (localStorage), readable from React with
 * `useSyncExternalStore` and applied to `<html>` so CSS can follow it before React renders.
 */
import { useSyncExternalStore } from 'react';
import { readString, writeString } from '../storage/local-store';

export interface DeviceSetting<T extends string> {
  get(): T;
  set(value: T): void;
  use(): T;
  /** Re-reads storage and re-applies (start-up, or another tab changed it). */
  refresh(): void;
}

export function deviceSetting<T extends string>(
  key: string,
  values: readonly T[],
  fallback: T,
  apply: (value: T) => void,
): DeviceSetting<T> {
  const listeners = new Set<() => void>();
  const read = (): T => {
    const stored = readString(key);
    return (values as readonly string[]).includes(stored ?? '') ? (stored as T) : fallback;
  };
  let value = read();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: () => value,
    set(next) {
      value = next;
      writeString(key, next);
      apply(next);
      emit();
    },
    use: () => useSyncExternalStore(subscribe, () => value),
    refresh() {
      value = read();
      apply(value);
      emit();
    },
  };
}
