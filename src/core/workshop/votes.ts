import type * as Y from 'yjs';
import type { DotVotingConfig } from './step-types';

/**
 * Dot votes live in the board document's `votes` map, one entry per vote slot:
 * key `<stepId>|<voterId>|<slot>` → the note id (or null when the vote was taken back).
 * A person owns exactly `votesPerPerson` slots per step, so the host can check a vote by its key
 * alone: right step, the voter's own pseudonym, a slot below the limit.
 *
 * The voter id is the participant's pseudonym (host/auth/pseudonym.ts), never the participant id:
 * the id is shown in presence, so keys naming it would tell every device whose votes these are.
 * Sessions from before pseudonyms may still hold keys with participant ids; they are read and
 * counted as before, and nobody writes new ones (docs/SECURITY.md, "Pseudonyms").
 */
export const VOTE_KEY_SEPARATOR = '|';

export function voteKey(stepId: string, voterId: string, slot: number): string {
  return [stepId, voterId, String(slot)].join(VOTE_KEY_SEPARATOR);
}

export function parseVoteKey(key: string): { stepId: string; voterId: string; slot: number } | null {
  const parts = key.split(VOTE_KEY_SEPARATOR);
  if (parts.length !== 3) return null;
  const [stepId, voterId, slotText] = parts as [string, string, string];
  const slot = Number(slotText);
  if (!stepId || !voterId || !/^\d{1,3}$/.test(slotText)) return null;
  return { stepId, voterId, slot };
}

function votesMap(doc: Y.Doc): Y.Map<string | null> {
  return doc.getMap<string | null>('votes');
}

/** The note ids this voter has voted for in a step, one entry per used slot. */
export function myVotes(doc: Y.Doc, stepId: string, voterId: string, config: DotVotingConfig): (string | null)[] {
  const map = votesMap(doc);
  return Array.from({ length: config.votesPerPerson }, (_, slot) => map.get(voteKey(stepId, voterId, slot)) ?? null);
}

export type VoteError = 'no-votes-left' | 'already-voted-for-this';

/** Puts one of the voter's votes on a note, in the first free slot. */
export function castVote(doc: Y.Doc, stepId: string, voterId: string, noteId: string, config: DotVotingConfig): VoteError | null {
  const current = myVotes(doc, stepId, voterId, config);
  if (!config.allowStacking && current.includes(noteId)) return 'already-voted-for-this';
  const free = current.indexOf(null);
  if (free < 0) return 'no-votes-left';
  doc.transact(() => votesMap(doc).set(voteKey(stepId, voterId, free), noteId), 'local');
  return null;
}

/** Takes back one of the voter's votes from a note. */
export function retractVote(doc: Y.Doc, stepId: string, voterId: string, noteId: string, config: DotVotingConfig): boolean {
  const slot = myVotes(doc, stepId, voterId, config).lastIndexOf(noteId);
  if (slot < 0) return false;
  doc.transact(() => votesMap(doc).set(voteKey(stepId, voterId, slot), null), 'local');
  return true;
}

export interface VoteResult {
  readonly noteId: string;
  readonly votes: number;
  /** 1-based rank; notes with equal votes share a rank ("1, 2, 2, 4"). */
  readonly rank: number;
}

/** Counts a step's votes (only slots below the limit count), ranked most first; ties share a rank. */
export function tallyVotes(doc: Y.Doc, stepId: string, config: DotVotingConfig): VoteResult[] {
  const counts = new Map<string, number>();
  for (const [key, noteId] of votesMap(doc)) {
    const parsed = parseVoteKey(key);
    if (!parsed || parsed.stepId !== stepId || parsed.slot >= config.votesPerPerson || !noteId) continue;
    counts.set(noteId, (counts.get(noteId) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let rank = 0;
  return sorted.map(([noteId, votes], i) => {
    if (i === 0 || votes !== sorted[i - 1]?.[1]) rank = i + 1;
    return { noteId, votes, rank };
  });
}

/** How many distinct people have cast at least one vote in a step. */
export function voterIds(doc: Y.Doc, stepId: string): Set<string> {
  const voters = new Set<string>();
  for (const [key, noteId] of votesMap(doc)) {
    const parsed = parseVoteKey(key);
    if (parsed?.stepId === stepId && noteId) voters.add(parsed.voterId);
  }
  return voters;
}

export function observeVotes(doc: Y.Doc, onChange: () => void): () => void {
  const map = votesMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
