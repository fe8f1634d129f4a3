import type * as Y from 'yjs';
import { z } from 'zod';
import { createItemId } from '../ids';
import type { Note } from '../workshop/board';
import type { Group } from '../workshop/groups';
import { FACILITATOR_ORIGIN } from '../workshop/origins';
import type { PackOf } from './content-pack';
import type { PackLanguage } from './pack-parts';
import { PromptListSchema, PromptSourceSchema } from './prompts';
import type { Prompt } from './prompts';

/**
 * The dialogue cloth (dialogduk): a theme in the middle, questions around it, one cloth per group.
 * Participants write notes on a question (`Note.questionId`) on the board, in their own group; the
 * facilitator sees every group's cloth side by side and lifts key insights ("guldkorn") into a
 * shared summary in the control document, which only the facilitator writes.
 */
export const THEME_MAX = 200;
export const CLOTH_QUESTIONS_MAX = 12;

export const DialogueClothConfigSchema = z.object({
  /** The pack cloth the questions were copied from; null for the facilitator's own cloth. */
  source: PromptSourceSchema,
  theme: z.string().trim().max(THEME_MAX),
  questions: PromptListSchema.refine((q) => q.length <= CLOTH_QUESTIONS_MAX, `at most ${CLOTH_QUESTIONS_MAX} questions`),
});
export type DialogueClothConfig = z.infer<typeof DialogueClothConfigSchema>;

export const DEFAULT_DIALOGUE_CLOTH_CONFIG: DialogueClothConfig = { source: null, theme: '', questions: [] };

/** A step config from a pack cloth, in one language. Null when the pack has no such cloth. */
export function clothConfigFromPack(pack: PackOf<'dialogue-cloths'>, clothId: string, lang: PackLanguage): DialogueClothConfig | null {
  const cloth = pack.content.cloths.find((c) => c.id === clothId);
  if (!cloth) return null;
  return {
    source: { packId: pack.id, itemId: cloth.id },
    theme: cloth.theme[lang],
    questions: cloth.questions.map((q) => ({ id: q.id, text: q.text[lang], ...(q.zone ? { zone: q.zone[lang] } : {}) })),
  };
}

/** One group's cloth: the notes on each question, and those on the theme itself. */
export interface ClothOfGroup {
  readonly groupId: string | null;
  readonly byQuestion: ReadonlyMap<string, readonly Note[]>;
  readonly onTheme: readonly Note[];
}

/**
 * Every group's cloth for the side-by-side view. Notes of a group that no longer exists (groups
 * were re-split) keep their own column; a note naming a question the cloth no longer has counts
 * as written on the theme, so nothing disappears when a facilitator removes a question.
 */
export function clothsByGroup(notes: readonly Note[], stepId: string, questions: readonly Prompt[], groups: readonly Group[]): ClothOfGroup[] {
  const ids = new Set(questions.map((q) => q.id));
  const mine = notes.filter((n) => n.stepId === stepId);
  const columns: (string | null)[] = groups.map((g) => g.id);
  for (const note of mine) if (!columns.includes(note.groupId ?? null)) columns.push(note.groupId ?? null);
  if (columns.length === 0) columns.push(null);
  return columns.map((groupId) => {
    const ofGroup = mine.filter((n) => (n.groupId ?? null) === groupId);
    const byQuestion = new Map<string, Note[]>(questions.map((q) => [q.id, []]));
    const onTheme: Note[] = [];
    for (const note of ofGroup) {
      if (note.questionId && ids.has(note.questionId)) byQuestion.get(note.questionId)?.push(note);
      else onTheme.push(note);
    }
    return { groupId, byQuestion, onTheme };
  });
}

export const GULDKORN_MAX = 1000;

/** A key insight in the shared summary. The text is the facilitator's (often their own words). */
export interface Guldkorn {
  readonly id: string;
  readonly stepId: string;
  readonly text: string;
  readonly createdAt: number;
  /** The note it was lifted from, if any. Hiding that note does not remove the guldkorn: the facilitator chose to publish it. */
  readonly noteId?: string;
  readonly groupId?: string;
  readonly questionId?: string;
}

export function guldkornMap(control: Y.Doc): Y.Map<Guldkorn> {
  return control.getMap<Guldkorn>('guldkorn');
}

export type GuldkornError = 'guldkorn-empty' | 'guldkorn-too-long';

function checkText(text: string): GuldkornError | null {
  const trimmed = text.trim();
  if (!trimmed) return 'guldkorn-empty';
  return trimmed.length > GULDKORN_MAX ? 'guldkorn-too-long' : null;
}

/** Lifts a key insight into the summary (facilitator only: control is theirs). */
export function addGuldkorn(
  control: Y.Doc,
  input: { stepId: string; text: string; noteId?: string; groupId?: string; questionId?: string },
  now: number = Date.now(),
): Guldkorn | GuldkornError {
  const problem = checkText(input.text);
  if (problem) return problem;
  const item: Guldkorn = {
    id: createItemId(),
    stepId: input.stepId,
    text: input.text.trim(),
    createdAt: now,
    ...(input.noteId ? { noteId: input.noteId } : {}),
    ...(input.groupId ? { groupId: input.groupId } : {}),
    ...(input.questionId ? { questionId: input.questionId } : {}),
  };
  control.transact(() => guldkornMap(control).set(item.id, item), FACILITATOR_ORIGIN);
  return item;
}

export function editGuldkorn(control: Y.Doc, id: string, text: string): GuldkornError | 'not-found' | null {
  const current = guldkornMap(control).get(id);
  if (!current) return 'not-found';
  const problem = checkText(text);
  if (problem) return problem;
  control.transact(() => guldkornMap(control).set(id, { ...current, text: text.trim() }), FACILITATOR_ORIGIN);
  return null;
}

export function removeGuldkorn(control: Y.Doc, id: string): void {
  control.transact(() => guldkornMap(control).delete(id), FACILITATOR_ORIGIN);
}

/** The summary, oldest first; one step's only when `stepId` is given. */
export function selectGuldkorn(control: Y.Doc, stepId?: string): Guldkorn[] {
  return [...guldkornMap(control).values()]
    .filter((g) => stepId === undefined || g.stepId === stepId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
