/**
 * What a saved revision changed, in a few countable words ("mål ändrat", "3 mätvärden tillagda"),
 * found by comparing it with the revision saved before it. The host keeps whole copies, not edits,
 * so the history panel works this out itself; it is pure so it can be tested without a screen.
 */
import type { Improvement } from '../../../core/improvement/model';

export type RevisionChange =
  | { readonly kind: 'created' }
  | { readonly kind: 'title' }
  | { readonly kind: 'aim' }
  | { readonly kind: 'measuresAdded' | 'measuresRemoved' | 'measuresChanged'; readonly count: number }
  | { readonly kind: 'pointsAdded' | 'pointsRemoved' | 'pointsChanged'; readonly count: number }
  | { readonly kind: 'ideasAdded' | 'ideasRemoved' | 'ideasChanged'; readonly count: number }
  | { readonly kind: 'cyclesAdded' | 'cyclesRemoved' | 'cyclesChanged'; readonly count: number }
  | { readonly kind: 'sessionsLinked'; readonly count: number }
  | { readonly kind: 'nothing' };

interface Counted {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** Compares two lists of things with ids: how many came, went, or differ in content. */
function compareById<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): Counted {
  const old = new Map(before.map((item) => [item.id, item]));
  let added = 0;
  let changed = 0;
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) added += 1;
    else if (!same(was, item)) changed += 1;
  }
  const kept = new Set(after.map((item) => item.id));
  const removed = before.filter((item) => !kept.has(item.id)).length;
  return { added, removed, changed };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A measure without its points: a new point is counted as a point, not as a changed measure. */
const measureSettings = ({ points: _points, ...rest }: Improvement['measures'][number]) => rest;

/**
 * The changes from `before` to `after`, in the order a reader meets them on the page. `before` is
 * null for the first revision. A save that changed nothing that is shown (e.g. only a time) is
 * `nothing`, so every row of the history still says something.
 */
export function revisionChanges(before: Improvement | null, after: Improvement): RevisionChange[] {
  if (!before) return [{ kind: 'created' }];
  const changes: RevisionChange[] = [];
  if (before.title !== after.title) changes.push({ kind: 'title' });
  if (!sameJson(before.aim, after.aim)) changes.push({ kind: 'aim' });

  const measures = compareById(before.measures, after.measures, (a, b) => sameJson(measureSettings(a), measureSettings(b)));
  const points = compareById(
    before.measures.flatMap((m) => m.points),
    after.measures.flatMap((m) => m.points),
    sameJson,
  );
  const ideas = compareById(before.changeIdeas, after.changeIdeas, sameJson);
  const cycles = compareById(before.cycles, after.cycles, sameJson);
  const counted: [Counted, 'measures' | 'points' | 'ideas' | 'cycles'][] = [
    [measures, 'measures'],
    [points, 'points'],
    [ideas, 'ideas'],
    [cycles, 'cycles'],
  ];
  for (const [c, what] of counted) {
    if (c.added) changes.push({ kind: `${what}Added`, count: c.added });
    if (c.removed) changes.push({ kind: `${what}Removed`, count: c.removed });
    if (c.changed) changes.push({ kind: `${what}Changed`, count: c.changed });
  }
  const linked = compareById(
    before.sessions.map((s) => ({ ...s, id: s.sessionId })),
    after.sessions.map((s) => ({ ...s, id: s.sessionId })),
    () => true,
  ).added;
  if (linked) changes.push({ kind: 'sessionsLinked', count: linked });
  return changes.length > 0 ? changes : [{ kind: 'nothing' }];
}
