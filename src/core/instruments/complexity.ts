import type * as Y from 'yjs';
import { z } from 'zod';
import { FACILITATOR_ORIGIN } from '../workshop/origins';
import type { PackOf } from './content-pack';
import type { PackLanguage } from './pack-parts';
import { COMPLEXITY_DOMAINS } from './vocabulary';
import type { ComplexityDomain } from './vocabulary';

/**
 * Complexity sorting, led by the facilitator: notes (issues) are tagged enkelt / komplicerat /
 * komplext / kaos in the control document's `complexity` map, key `<stepId>|<noteId>`. Control is
 * the facilitator's alone (the host refuses participants' writes to it), so the room sees the
 * sorting but only the facilitator moves a note. Participants may add issues as notes in the step.
 */
export const HANDLING_MAX = 1000;

export const ComplexitySortingConfigSchema = z.object({
  packId: z.string().max(60),
  /** Which earlier step's notes are sorted (besides the notes written in this step); null = none. */
  sourceStepId: z.string().max(40).nullable(),
  /** The facilitator's own wording of the suggested handling, per domain (the pack's otherwise). */
  handlingOverrides: z.partialRecord(z.enum(COMPLEXITY_DOMAINS), z.string().trim().min(1).max(HANDLING_MAX)),
});
export type ComplexitySortingConfig = z.infer<typeof ComplexitySortingConfigSchema>;

export const DEFAULT_COMPLEXITY_CONFIG: ComplexitySortingConfig = { packId: 'complexity', sourceStepId: null, handlingOverrides: {} };

export function complexityMap(control: Y.Doc): Y.Map<ComplexityDomain> {
  return control.getMap<ComplexityDomain>('complexity');
}

function tagKey(stepId: string, noteId: string): string {
  return `${stepId}|${noteId}`;
}

/** Tags a note (or untags it with null). Facilitator only. */
export function tagNote(control: Y.Doc, stepId: string, noteId: string, domain: ComplexityDomain | null): void {
  control.transact(() => {
    if (domain === null) complexityMap(control).delete(tagKey(stepId, noteId));
    else complexityMap(control).set(tagKey(stepId, noteId), domain);
  }, FACILITATOR_ORIGIN);
}

/** The step's tags: note id → domain. */
export function selectTags(control: Y.Doc, stepId: string): Map<string, ComplexityDomain> {
  const prefix = `${stepId}|`;
  const tags = new Map<string, ComplexityDomain>();
  for (const [key, domain] of complexityMap(control)) if (key.startsWith(prefix)) tags.set(key.slice(prefix.length), domain);
  return tags;
}

/** Note ids per domain, plus the untagged ones, keeping the order of `noteIds`. */
export function sortByDomain(noteIds: readonly string[], tags: ReadonlyMap<string, ComplexityDomain>): Record<ComplexityDomain | 'untagged', string[]> {
  const sorted: Record<ComplexityDomain | 'untagged', string[]> = { enkelt: [], komplicerat: [], komplext: [], kaos: [], untagged: [] };
  for (const id of noteIds) sorted[tags.get(id) ?? 'untagged'].push(id);
  return sorted;
}

/** The handling text shown with a domain: the facilitator's wording if set, else the guide's. */
export function handlingText(pack: PackOf<'complexity'>, config: ComplexitySortingConfig, domain: ComplexityDomain, lang: PackLanguage): { text: string; edited: boolean } {
  const override = config.handlingOverrides[domain];
  const original = pack.content.domains.find((d) => d.id === domain)?.handling[lang] ?? '';
  return override ? { text: override, edited: override !== original } : { text: original, edited: false };
}
