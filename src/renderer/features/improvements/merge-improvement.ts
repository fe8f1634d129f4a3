/**
 * A three-way merge of an improvement, for a save refused because someone else saved first (409):
 * what this person changed since `base` is laid over `theirs` (the newest saved version) when the
 * two touched different things. Lists of items with an `id` (measures, points, change ideas,
 * cycles, questions, tasks) are merged item by item, so one person adding a data point while
 * another writes in a cycle is no conflict at all. Anything both changed differently returns null:
 * then the screen keeps the person's text to copy (conflict-notice.tsx) and nothing is guessed.
 */
import { ImprovementSchema, type Improvement } from '../../../core/improvement/model';

type Json = string | number | boolean | null | undefined | readonly Json[] | { readonly [key: string]: Json };
const CONFLICT = Symbol('conflict');
type Merged = Json | typeof CONFLICT;

function equal(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const hasId = (value: Json): value is { readonly id: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';

function mergeById(base: readonly Json[], mine: readonly Json[], theirs: readonly Json[]): Merged {
  const byId = (list: readonly Json[]) => new Map(list.filter(hasId).map((item) => [(item as { id: string }).id, item]));
  const b = byId(base);
  const m = byId(mine);
  const out: Json[] = [];
  for (const item of theirs) {
    const id = (item as { id: string }).id;
    const was = b.get(id);
    const now = m.get(id);
    if (was === undefined) out.push(item); // they added it
    else if (now === undefined) {
      if (!equal(was, item)) return CONFLICT; // I removed what they changed
    } else {
      const merged = merge(was, now, item);
      if (merged === CONFLICT) return CONFLICT;
      out.push(merged);
    }
  }
  const theirIds = new Set(theirs.filter(hasId).map((item) => (item as { id: string }).id));
  for (const item of mine) {
    const id = (item as { id: string }).id;
    if (b.has(id)) {
      // Still there for me but gone for them: kept only if I did not change it (then their removal stands).
      if (!theirIds.has(id) && !equal(b.get(id), item)) return CONFLICT;
    } else out.push(item); // I added it
  }
  return out;
}

function merge(base: Json, mine: Json, theirs: Json): Merged {
  if (equal(mine, base)) return theirs;
  if (equal(theirs, base) || equal(mine, theirs)) return mine;
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
    const all = [...base, ...mine, ...theirs] as Json[];
    return all.length > 0 && all.every(hasId) ? mergeById(base, mine, theirs) : CONFLICT;
  }
  const isObject = (v: Json) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const b = base as { readonly [key: string]: Json };
    const m = mine as { readonly [key: string]: Json };
    const t = theirs as { readonly [key: string]: Json };
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
      const merged = merge(b[key], m[key], t[key]);
      if (merged === CONFLICT) return CONFLICT;
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return CONFLICT;
}

/** `mine` rebased on `theirs`, or null when the two edits collide (or the result is not valid). */
export function mergeImprovements(base: Improvement, mine: Improvement, theirs: Improvement): Improvement | null {
  const merged = merge(base as unknown as Json, mine as unknown as Json, theirs as unknown as Json);
  if (merged === CONFLICT) return null;
  const parsed = ImprovementSchema.safeParse({ ...(merged as object), revision: theirs.revision, updatedAt: theirs.updatedAt });
  return parsed.success ? parsed.data : null;
}
