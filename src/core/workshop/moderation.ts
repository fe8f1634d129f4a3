import type * as Y from 'yjs';
import type { Note } from './board';

/**
 * Hidden contributions. Hiding never destroys: the host moves the note out of the shared `board`
 * document (so no participant's client receives it any more, whatever it does) into the
 * facilitator-only `vault` document, and records it here, in `control`, by id only.
 * Restoring moves it back. Silent-writing notes wait in the vault the same way until revealed.
 */
export interface HiddenRecord {
  readonly noteId: string;
  readonly hiddenAt: number;
}

export function hiddenMap(control: Y.Doc): Y.Map<HiddenRecord> {
  return control.getMap<HiddenRecord>('hidden');
}

export function selectHiddenIds(control: Y.Doc): ReadonlySet<string> {
  return new Set(hiddenMap(control).keys());
}

/** The vault's two maps: hidden notes, and private notes waiting for their step to be revealed. */
export function vaultHidden(vault: Y.Doc): Y.Map<Note> {
  return vault.getMap<Note>('hidden');
}

export function vaultPending(vault: Y.Doc): Y.Map<Note> {
  return vault.getMap<Note>('pending');
}

export function selectPending(vault: Y.Doc, stepId: string): Note[] {
  return [...vaultPending(vault).values()].filter((n) => n.stepId === stepId).sort((a, b) => a.createdAt - b.createdAt);
}

export function selectHiddenNotes(vault: Y.Doc): Note[] {
  return [...vaultHidden(vault).values()].sort((a, b) => a.createdAt - b.createdAt);
}

/** Who has answered a step (participant ids), kept by the host in control's `answered` map. */
export function answeredMap(control: Y.Doc): Y.Map<readonly string[]> {
  return control.getMap<readonly string[]>('answered');
}

export function selectAnswered(control: Y.Doc, stepId: string): readonly string[] {
  return answeredMap(control).get(stepId) ?? [];
}
