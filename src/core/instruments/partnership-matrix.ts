import { z } from 'zod';
import { MATRIX_LAYERS, PARITY_FACTORS, PHASES, PLACES, isOneOf } from './vocabulary';
import type { MatrixLayer, Phase, Place } from './vocabulary';

/**
 * The partnership matrix (QRC framework): place × phase. Each participant marks, in their group,
 * the cells where patients take part today and where they want them to take part next (board
 * `marks`, cell `<layer>:<place>:<phase>`, see marks.ts; the host enforces it). Activities are
 * notes on a cell (`questionId` "<place>:<phase>"), and reflections on a parity factor are notes
 * with `questionId` "parity:<factor>". A group's matrix is the cells enough members marked; two
 * matrices of the same team (two sessions, months apart) compare cell by cell.
 */
export const PartnershipMatrixConfigSchema = z.object({
  packId: z.string().max(60),
  /** Show the pack's example activities in each cell. */
  showExamples: z.boolean(),
  /** Show the seven parity factors as prompts next to each activity. */
  showParity: z.boolean(),
  /** How many of a group's members must mark a cell for it to count in the group's matrix. */
  minMarks: z.number().int().min(1).max(50),
});
export type PartnershipMatrixConfig = z.infer<typeof PartnershipMatrixConfigSchema>;

export const DEFAULT_PARTNERSHIP_MATRIX_CONFIG: PartnershipMatrixConfig = { packId: 'partnership-matrix', showExamples: true, showParity: true, minMarks: 1 };

/** A cell of the grid: "clinic:plan". */
export type CellId = `${Place}:${Phase}`;

export function cellId(place: Place, phase: Phase): CellId {
  return `${place}:${phase}`;
}

export function parseCellId(text: string): { place: Place; phase: Phase } | null {
  const [place, phase, extra] = text.split(':');
  return extra === undefined && isOneOf(PLACES, place) && isOneOf(PHASES, phase) ? { place, phase } : null;
}

/** A mark cell: "<layer>:<place>:<phase>", e.g. "today:clinic:plan". */
export function markCell(layer: MatrixLayer, place: Place, phase: Phase): string {
  return `${layer}:${place}:${phase}`;
}

export function parseMarkCell(text: string): { layer: MatrixLayer; place: Place; phase: Phase } | null {
  const at = text.indexOf(':');
  const layer = text.slice(0, at);
  const cell = parseCellId(text.slice(at + 1));
  return at > 0 && isOneOf(MATRIX_LAYERS, layer) && cell ? { layer, ...cell } : null;
}

/** The question ids notes of this step may carry: every cell (an activity) and every parity factor. */
export function matrixQuestionIds(): string[] {
  return [...PLACES.flatMap((place) => PHASES.map((phase) => cellId(place, phase))), ...PARITY_FACTORS.map((f) => `parity:${f}`)];
}

/** One team's matrix at one time: the cells marked today and next. */
export interface PartnershipMatrix {
  readonly today: ReadonlySet<CellId>;
  readonly next: ReadonlySet<CellId>;
}

/** A group's matrix from its mark counts (marks.ts `tallyMarks`): cells marked by at least `minMarks`. */
export function matrixFromCounts(counts: ReadonlyMap<string, number> | undefined, minMarks = 1): PartnershipMatrix {
  const today = new Set<CellId>();
  const next = new Set<CellId>();
  for (const [cell, count] of counts ?? []) {
    const parsed = parseMarkCell(cell);
    if (!parsed || count < minMarks) continue;
    (parsed.layer === 'today' ? today : next).add(cellId(parsed.place, parsed.phase));
  }
  return { today, next };
}

export interface CellChange {
  readonly cell: CellId;
  readonly layer: MatrixLayer;
  readonly change: 'added' | 'removed';
}

/**
 * The cells that moved between two dates of the same team, layer by layer, in grid order:
 * "added" = marked now, not before; "removed" = marked before, not now. A "next" cell that became
 * a "today" cell shows as today/added plus next/removed: what was wanted has happened.
 */
export function compareMatrices(before: PartnershipMatrix, after: PartnershipMatrix): CellChange[] {
  const changes: CellChange[] = [];
  for (const layer of MATRIX_LAYERS) {
    for (const place of PLACES) {
      for (const phase of PHASES) {
        const cell = cellId(place, phase);
        const was = before[layer].has(cell);
        const is = after[layer].has(cell);
        if (was !== is) changes.push({ cell, layer, change: is ? 'added' : 'removed' });
      }
    }
  }
  return changes;
}

/**
 * How far a layer spans the framework: the robustness rule says partnership is more robust when
 * activities span several places and phases (seed 000 L151–152). Counts, not a score: the source
 * has no maturity scale, and Samskapa does not invent one.
 */
export function span(cells: ReadonlySet<CellId>): { places: number; phases: number } {
  const parsed = [...cells].map(parseCellId).filter((c) => c !== null);
  return { places: new Set(parsed.map((c) => c.place)).size, phases: new Set(parsed.map((c) => c.phase)).size };
}

/** Plain lists for JSON (HTTP answers, exports). */
export function matrixToJson(matrix: PartnershipMatrix): { today: CellId[]; next: CellId[] } {
  return { today: [...matrix.today].sort(), next: [...matrix.next].sort() };
}
