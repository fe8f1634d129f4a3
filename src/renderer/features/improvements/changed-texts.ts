/**
 * The texts someone typed that are not in the saved version: what a conflict must keep on screen
 * to copy. Walks the edited improvement and its starting point side by side and returns every
 * string that is new or different, with where it was (so the screen can name the field).
 */
import type { Improvement } from '../../../core/improvement/model';

export interface ChangedText {
  /** Which part it belongs to: the cycle's number, the measure's name or the change idea's text. */
  readonly context: { readonly kind: 'cycle'; readonly number: number } | { readonly kind: 'measure' | 'idea'; readonly name: string } | null;
  /** The last named key on the way to the text (`objective`, `prediction`, `text`…). */
  readonly field: string;
  /** The improvement's top-level part it is in (`aim`, `cycles`, `measures`…). */
  readonly section: string;
  readonly text: string;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

function lastName(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const part = path[i];
    if (typeof part === 'string') return part;
  }
  return '';
}

function contextOf(mine: Improvement, path: readonly (string | number)[]): ChangedText['context'] {
  const [top, index] = path;
  if (typeof index !== 'number') return null;
  if (top === 'cycles') {
    const cycle = mine.cycles[index];
    return cycle ? { kind: 'cycle', number: cycle.number } : null;
  }
  if (top === 'measures') {
    const measure = mine.measures[index];
    return measure ? { kind: 'measure', name: measure.name } : null;
  }
  if (top === 'changeIdeas') {
    const idea = mine.changeIdeas[index];
    return idea ? { kind: 'idea', name: idea.text.slice(0, 60) } : null;
  }
  return null;
}

/** Items in lists are matched by `id` where they have one, so a reordered list is not "all new". */
function counterpart(base: Json | undefined, item: Json, index: number): Json | undefined {
  if (!Array.isArray(base)) return undefined;
  if (item && typeof item === 'object' && !Array.isArray(item) && typeof (item as { id?: unknown }).id === 'string') {
    const id = (item as { id: string }).id;
    return (base as readonly Json[]).find((b) => b && typeof b === 'object' && !Array.isArray(b) && (b as { id?: unknown }).id === id);
  }
  return (base as readonly Json[])[index];
}

export function changedTexts(base: Improvement, mine: Improvement): ChangedText[] {
  const out: ChangedText[] = [];
  const walk = (a: Json | undefined, b: Json, path: (string | number)[]): void => {
    if (typeof b === 'string') {
      if (b.trim().length > 0 && a !== b && lastName(path) !== 'id') {
        out.push({ context: contextOf(mine, path), field: lastName(path), section: String(path[0] ?? ''), text: b });
      }
      return;
    }
    if (Array.isArray(b)) {
      (b as readonly Json[]).forEach((item, index) => walk(counterpart(a, item, index), item, [...path, index]));
      return;
    }
    if (b && typeof b === 'object') {
      const from = a && typeof a === 'object' && !Array.isArray(a) ? (a as { readonly [key: string]: Json }) : undefined;
      for (const [key, value] of Object.entries(b)) walk(from?.[key], value, [...path, key]);
    }
  };
  walk(base as unknown as Json, mine as unknown as Json, []);
  return out;
}
