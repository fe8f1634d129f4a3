/** A note that is written but not sent, kept per session so a reload or a locked phone loses nothing. */
import { readString, removeKey, writeString } from './local-store';

const draftKey = (scope: string) => `samskapa:draft:${scope}`;

export function loadDraft(scope: string): string {
  return readString(draftKey(scope)) ?? '';
}

export function saveDraft(scope: string, text: string): void {
  if (text.length === 0) removeKey(draftKey(scope));
  else writeString(draftKey(scope), text);
}

export function clearDraft(scope: string): void {
  removeKey(draftKey(scope));
}
