/**
 * Cycle markers on a run chart that a reader can tell apart. Cycles are numbered per change idea
 * (idea A has PDSA 1, 2, 3…, and so has idea B), so when a measure's chart shows the cycles of
 * several ideas, "PDSA 8" could be either. Each change idea therefore gets a letter in the order
 * the improvement lists its ideas (A, B, C…), and a marker reads "B·8": the 8th cycle of idea B.
 * The chart's key ("A = …, B = …") names the ideas. With a single change idea there is nothing to
 * tell apart, and markers keep the plain "PDSA 8".
 *
 * Pure: the screen (renderer) and the reports (core/report) label markers with the same functions.
 */
import { cycleAnnotations, type Improvement } from './model';

/** 0 → "A", 25 → "Z", 26 → "AA": the letter of the change idea at that place in the list. */
export function changeIdeaLetter(index: number): string {
  let n = Math.max(0, Math.floor(index));
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** Each change idea's letter, by id; empty when the improvement has fewer than two ideas (no letters needed). */
export function changeIdeaLetters(improvement: Pick<Improvement, 'changeIdeas'>): ReadonlyMap<string, string> {
  if (improvement.changeIdeas.length < 2) return new Map();
  return new Map(improvement.changeIdeas.map((idea, i) => [idea.id, changeIdeaLetter(i)]));
}

/** "B·8" for the 8th cycle of idea B; just "8" when there is no letter. */
export function cycleCode(number: number, letter: string | null): string {
  return letter ? `${letter}·${number}` : String(number);
}

export interface CycleMarker {
  /** `YYYY-MM-DD`: the cycle's start. */
  readonly date: string;
  readonly cycleId: string;
  readonly number: number;
  readonly changeIdeaId: string;
  /** The change idea's letter, or null when the improvement has a single idea. */
  readonly letter: string | null;
}

/** What a measure's run chart marks: each cycle that names the measure, at its start, with its idea's letter. */
export function cycleMarkers(improvement: Pick<Improvement, 'cycles' | 'changeIdeas'>, measureId: string): CycleMarker[] {
  const letters = changeIdeaLetters(improvement);
  const ideaOf = new Map(improvement.cycles.map((c) => [c.id, c.changeIdeaId]));
  return cycleAnnotations(improvement, measureId).map((a) => {
    const changeIdeaId = ideaOf.get(a.cycleId) ?? '';
    return { date: a.date, cycleId: a.cycleId, number: a.number, changeIdeaId, letter: letters.get(changeIdeaId) ?? null };
  });
}

/** The ideas a chart's markers refer to, in letter order, for its key: [{ letter: 'A', text }, …]. Empty without letters. */
export function markerKey(improvement: Pick<Improvement, 'changeIdeas'>, markers: readonly CycleMarker[]): { letter: string; text: string }[] {
  const shown = new Set(markers.filter((m) => m.letter).map((m) => m.changeIdeaId));
  const letters = changeIdeaLetters(improvement);
  return improvement.changeIdeas.filter((idea) => shown.has(idea.id)).map((idea) => ({ letter: letters.get(idea.id) ?? '', text: idea.text.trim() }));
}
