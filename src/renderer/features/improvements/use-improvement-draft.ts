/**
 * The improvement being edited, and how it gets saved without ever losing a typed word.
 *
 * What a facilitator expects from a form like this is what a document editor does: it saves by
 * itself. Edits change a local draft at once; the draft is saved (PUT with the revision the edit
 * started from) when a field loses focus, after a short pause in other edits, with Ctrl+S, or with
 * the "Spara" button. Until the host has it, the draft is also kept in this browser's storage, so a
 * closed window or a stopped host loses nothing.
 *
 * A 409 means someone else saved in between (another window, or a change idea added from the
 * workshop). The newest version is loaded; when the two edits touched different things they are
 * merged (merge-improvement.ts) and saved again. When they collide, the newest version is shown
 * and the person's unsaved texts stay on screen to copy: nothing is overwritten on either side.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Improvement } from '../../../core/improvement/model';
import { ImprovementSchema } from '../../../core/improvement/model';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { RevisionConflictError, getImprovement, saveImprovement } from '../../api/improvements-api';
import { readJson, removeKey, writeString } from '../../storage/local-store';
import type { Edit } from './edit-improvement';
import { mergeImprovements } from './merge-improvement';

const AUTOSAVE_PAUSE_MS = 1500;
const storageKey = (id: string) => `samskapa:improvement-draft:${id}`;

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly code: ApiErrorCode }
  /** Not sent: something required is empty (`what` names it for the message). */
  | { readonly kind: 'invalid'; readonly what: InvalidWhat };

export type InvalidWhat = 'title' | 'measureName' | 'ideaText' | 'other';

function invalidWhat(improvement: Improvement): InvalidWhat | null {
  const check = ImprovementSchema.safeParse(improvement);
  if (check.success) return null;
  const path = check.error.issues[0]?.path ?? [];
  if (path[0] === 'title') return 'title';
  if (path[0] === 'measures' && path[2] === 'name') return 'measureName';
  if (path[0] === 'changeIdeas' && path[2] === 'text') return 'ideaText';
  return 'other';
}

/** A save refused because the improvement changed meanwhile: what the person had typed. */
export interface Conflict {
  readonly mine: Improvement;
  readonly base: Improvement;
}

export interface ImprovementDraft {
  readonly draft: Improvement;
  readonly status: SaveStatus;
  readonly conflict: Conflict | null;
  /** A draft from an earlier visit that never reached the host was put back. */
  readonly restored: boolean;
  readonly edit: (change: Edit) => void;
  /** Saves now if anything changed (a field lost focus, Ctrl+S, the button). */
  readonly saveNow: () => void;
  /** Replaces the draft with a newer version from the host (after a POST elsewhere). */
  readonly replace: (improvement: Improvement) => void;
  /**
   * Takes a version the host just saved on purpose (an earlier revision restored) as the new start:
   * nothing older, neither a pending autosave nor this browser's stored draft, may be saved over it.
   */
  readonly adopt: (improvement: Improvement) => void;
  readonly dismissConflict: () => void;
}

function storedDraft(id: string): { base: number; draft: Improvement } | null {
  const raw = readJson(storageKey(id)) as { base?: unknown; draft?: unknown } | null;
  if (!raw || typeof raw.base !== 'number') return null;
  const parsed = ImprovementSchema.safeParse(raw.draft);
  return parsed.success ? { base: raw.base, draft: parsed.data } : null;
}

/** The starting state: the host's copy, or this browser's unsaved draft of the same revision. */
function initialState(server: Improvement): { base: Improvement; draft: Improvement; conflict: Conflict | null; restored: boolean } {
  const stored = storedDraft(server.id);
  if (!stored) return { base: server, draft: server, conflict: null, restored: false };
  if (stored.base === server.revision) return { base: server, draft: stored.draft, conflict: null, restored: true };
  // Saved elsewhere since: show the newest, keep the old draft's texts to copy.
  return { base: server, draft: server, conflict: { mine: stored.draft, base: server }, restored: false };
}

export function useImprovementDraft(token: string, server: Improvement): ImprovementDraft {
  const [start] = useState(() => initialState(server));
  const [draft, setDraft] = useState(start.draft);
  const [conflict, setConflict] = useState<Conflict | null>(start.conflict);
  const [status, setStatus] = useState<SaveStatus>(start.restored ? { kind: 'unsaved' } : { kind: 'saved' });
  const base = useRef(start.base);
  const latest = useRef(start.draft);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | null>(null);

  const persist = useCallback((next: Improvement) => {
    if (next === base.current) removeKey(storageKey(next.id));
    else writeString(storageKey(next.id), JSON.stringify({ base: base.current.revision, draft: next }));
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (latest.current === base.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const sent = latest.current;
    const invalid = invalidWhat(sent);
    if (invalid) {
      // Kept as typed (and in this browser's storage) until it can be saved.
      setStatus({ kind: 'invalid', what: invalid });
      return;
    }
    saving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const saved = await saveImprovement(token, { ...sent, revision: base.current.revision }, base.current.revision);
      base.current = saved;
      // Edits typed while the save was under way stay in the draft, on top of the saved version.
      const next = latest.current === sent ? saved : { ...latest.current, revision: saved.revision, updatedAt: saved.updatedAt };
      latest.current = next;
      setDraft(next);
      persist(next);
      setStatus(next === saved ? { kind: 'saved' } : { kind: 'unsaved' });
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        await recoverFromConflict();
      } else {
        setStatus({ kind: 'failed', code: errorCodeOf(error) });
      }
    } finally {
      saving.current = false;
    }
    if (again.current) {
      again.current = false;
      void save();
    }

    async function recoverFromConflict(): Promise<void> {
      const mine = latest.current;
      try {
        const newest = await getImprovement(token, mine.id);
        const merged = mergeImprovements(base.current, mine, newest);
        if (merged) {
          // Different things were changed: this person's edits go on top of the newest and are saved again.
          base.current = newest;
          latest.current = merged;
          setDraft(merged);
          persist(merged);
          setStatus({ kind: 'unsaved' });
          again.current = true;
          return;
        }
        setConflict({ mine, base: base.current });
        base.current = newest;
        latest.current = newest;
        setDraft(newest);
        // The typed texts are on screen to copy now; the stored draft would only conflict again.
        removeKey(storageKey(newest.id));
        setStatus({ kind: 'saved' });
      } catch (error) {
        setStatus({ kind: 'failed', code: errorCodeOf(error) });
      }
    }
  }, [token, persist]);

  const edit = useCallback(
    (change: Edit) => {
      const next = change(latest.current);
      latest.current = next;
      setDraft(next);
      persist(next);
      setStatus({ kind: 'unsaved' });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_PAUSE_MS);
    },
    [persist, save],
  );

  const replace = useCallback(
    (improvement: Improvement) => {
      // Only taken when nothing is waiting to be saved: unsaved typing always wins over a refresh.
      if (latest.current !== base.current) return;
      base.current = improvement;
      latest.current = improvement;
      setDraft(improvement);
      persist(improvement);
    },
    [persist],
  );

  const adopt = useCallback((improvement: Improvement) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    again.current = false;
    base.current = improvement;
    latest.current = improvement;
    setDraft(improvement);
    persist(improvement);
    setConflict(null);
    setStatus({ kind: 'saved' });
  }, [persist]);

  // Whatever is still unsaved when the view closes is saved on the way out (and stays stored).
  useEffect(
    () => () => {
      if (latest.current !== base.current) void save();
    },
    [save],
  );

  return {
    draft,
    status,
    conflict,
    restored: start.restored,
    edit,
    saveNow: () => void save(),
    replace,
    adopt,
    dismissConflict: () => setConflict(null),
  };
}
