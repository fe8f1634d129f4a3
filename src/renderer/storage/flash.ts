/**
 * A one-time message carried across a route change (e.g. "you need to join again" after a refused
 * token). Stored as a translation key in sessionStorage, read once.
 */
import { readString, removeKey, writeString } from './local-store';

const KEY = 'samskapa:flash';

export type FlashKey = 'join.signedOut' | 'connection.unauthorized' | 'connection.notFound';

const FLASH_KEYS: readonly FlashKey[] = ['join.signedOut', 'connection.unauthorized', 'connection.notFound'];

export function setFlash(key: FlashKey): void {
  writeString(KEY, key, 'session');
}

/** Reads the message without removing it (safe in React's double-invoked initialisers). */
export function peekFlash(): FlashKey | null {
  const value = readString(KEY, 'session');
  return FLASH_KEYS.find((k) => k === value) ?? null;
}

export function clearFlash(): void {
  removeKey(KEY, 'session');
}
