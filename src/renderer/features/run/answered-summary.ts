import type { PresenceUser } from '../../../core/presence';

export interface AnsweredSummary {
  /** Names of people who answered and chose to be named. */
  readonly names: readonly string[];
  /** Everyone else who answered (anonymous, or not here right now). */
  readonly others: number;
  readonly total: number;
}

/**
 * Who has answered, as the room may see it: names only of people who gave one, a count for the
 * rest. Never what anyone wrote.
 */
export function summarizeAnswered(answeredIds: readonly string[], people: readonly PresenceUser[]): AnsweredSummary {
  const byId = new Map(people.flatMap((p) => (p.participantId ? [[p.participantId, p] as const] : [])));
  const names: string[] = [];
  for (const id of new Set(answeredIds)) {
    const name = byId.get(id)?.name;
    if (name) names.push(name);
  }
  const total = new Set(answeredIds).size;
  return { names: names.sort((a, b) => a.localeCompare(b, 'sv')), others: total - names.length, total };
}
