import { guldkornMap } from '../../core/instruments/dialogue-cloth';
import type { Guldkorn } from '../../core/instruments/dialogue-cloth';
import { packOfKind } from '../../core/instruments/content-pack';
import type { ContentPack } from '../../core/instruments/content-pack';
import type { PackLanguage } from '../../core/instruments/pack-parts';
import { questionTexts } from '../../core/instruments/seven-questions';
import type { SevenQuestionsConfig } from '../../core/instruments/seven-questions';
import { gapRows, selectSevenResult } from '../../core/instruments/seven-questions-results';
import { TEXT_LONG, TEXT_SHORT } from '../../core/improvement/model';
import type { Origin } from '../../core/improvement/model';
import { isParticipantRole } from '../../core/roles';
import { findStep, selectAgenda } from '../../core/workshop/agenda';
import { getNote } from '../../core/workshop/board';
import type { Note } from '../../core/workshop/board';
import { vaultHidden, vaultPending } from '../../core/workshop/moderation';
import { stepConfig } from '../../core/workshop/step-types';
import type { DotVotingConfig } from '../../core/workshop/step-types';
import { tallyVotes } from '../../core/workshop/votes';
import type { ContributionRef } from '../../contracts/improvements';
import type { LiveSession } from '../sessions/live-session';

/**
 * Reads a workshop contribution's words from the live session, so a change idea quotes what was
 * really written, never what a client claims was written. What is copied, and what never is:
 *
 * - a note on the board: its text, its dot votes, the writer's role, and the writer's name only
 *   when the note was not anonymous and carried a name. Never the writer's id (participant id or
 *   pseudonym): an origin outlives the session and travels in exports.
 * - a dialogduk insight (guldkorn, the facilitator's own summary line in `control`): its text; the
 *   note it was lifted from adds role and name under the same rule, if that note is still visible.
 * - a seven-questions gap: the question as patients read it (the facilitator's rewording if any),
 *   and each side's share of "ja" when both sides were shown under the small-group rule.
 *
 * Hidden notes (moved to the vault) and silent-writing notes not yet revealed are refused: the
 * facilitator took them out of the room, so they do not become quotes elsewhere.
 */
export type Resolved = { readonly origin: Origin } | { readonly problem: string };

export interface ResolveContext {
  readonly session: LiveSession;
  readonly sessionTitle: string;
  readonly lang: PackLanguage;
  /** The seven-questions content pack, for a gap's question text; null when not installed. */
  readonly pack: (id: string) => ContentPack | undefined;
  readonly now: number;
}

export function resolveContribution(ref: ContributionRef, ctx: ResolveContext): Resolved {
  switch (ref.kind) {
    case 'note':
      return resolveNote(ref, ctx);
    case 'cloth-insight':
      return resolveInsight(ref, ctx);
    case 'gap':
      return resolveGap(ref, ctx);
  }
}

function base(ref: ContributionRef, ctx: ResolveContext, quote: string) {
  return {
    kind: ref.kind,
    sessionId: ref.sessionId,
    sessionTitle: ctx.sessionTitle.trim().slice(0, TEXT_SHORT),
    stepId: ref.stepId,
    refId: ref.refId,
    quote: quote.slice(0, TEXT_LONG),
    linkedAt: ctx.now,
  } as const;
}

function resolveNote(ref: ContributionRef, ctx: ResolveContext): Resolved {
  const { board, control } = docs(ctx.session);
  const note = getNote(board, ref.refId);
  if (!note) return { problem: hiddenOrMissing(ref, ctx.session) };
  if (ref.stepId !== note.stepId && !findStep(control, ref.stepId)) return { problem: `${label(ref)}: no step ${ref.stepId} in the session` };
  return { origin: { ...base(ref, ctx, note.text), ...authorOf(note), votes: votesFor(ctx.session, note.id, ref.stepId) } };
}

function resolveInsight(ref: ContributionRef, ctx: ResolveContext): Resolved {
  const { board, control } = docs(ctx.session);
  const all = [...guldkornMap(control).values()].filter((g) => g.stepId === ref.stepId);
  // The client may name the insight itself or the note it was lifted from.
  const insight: Guldkorn | undefined = all.find((g) => g.id === ref.refId) ?? all.find((g) => g.noteId === ref.refId);
  if (!insight) return { problem: `${label(ref)}: no such insight in step ${ref.stepId}` };
  const note = insight.noteId ? getNote(board, insight.noteId) : undefined;
  return { origin: { ...base(ref, ctx, insight.text), ...(note ? authorOf(note) : {}) } };
}

function resolveGap(ref: ContributionRef, ctx: ResolveContext): Resolved {
  const { control } = docs(ctx.session);
  const step = findStep(control, ref.stepId);
  const config = step?.type === 'seven-questions' ? stepConfig<SevenQuestionsConfig>(step) : null;
  if (!step || !config) return { problem: `${label(ref)}: no seven-questions step ${ref.stepId}` };
  const result = selectSevenResult(control, step.id);
  if (!result) return { problem: `${label(ref)}: the results of step ${ref.stepId} are not published yet` };
  const row = gapRows(result).find((r) => r.questionId === ref.refId);
  if (!row) return { problem: `${label(ref)}: question ${ref.refId} was not asked in step ${ref.stepId}` };
  const pack = packOfKind(ctx.pack(config.packId), 'seven-questions');
  const text = pack ? questionTexts(pack, config, 'patient', ctx.lang).find((q) => q.id === row.questionId)?.text : undefined;
  const quote = text ?? config.overrides[row.questionId]?.patient ?? row.questionId;
  const gap = row.patient !== null && row.staff !== null ? { gap: { patient: row.patient, staff: row.staff } } : {};
  return { origin: { ...base(ref, ctx, quote), ...gap } };
}

/** Role always (it is what the room saw); the name only for a named, not anonymous, writer. */
function authorOf(note: Note): Pick<Origin, 'authorName' | 'authorRole'> {
  const role = isParticipantRole(note.authorRole) ? { authorRole: note.authorRole } : {};
  const name = !note.anonymous && note.authorName?.trim() ? { authorName: note.authorName.trim().slice(0, TEXT_SHORT) } : {};
  return { ...role, ...name };
}

/**
 * The note's dot votes: in the named step when that is a voting step, otherwise in every voting
 * step of the agenda (a note is usually voted on in a later step than it was written in).
 */
function votesFor(session: LiveSession, noteId: string, stepId: string): number {
  const { board, control } = docs(session);
  const votingSteps = selectAgenda(control).filter((s) => s.type === 'dot-voting');
  const named = votingSteps.filter((s) => s.id === stepId);
  let total = 0;
  for (const step of named.length > 0 ? named : votingSteps) {
    const config = stepConfig<DotVotingConfig>(step);
    if (!config) continue;
    total += tallyVotes(board, step.id, config).find((r) => r.noteId === noteId)?.votes ?? 0;
  }
  return total;
}

function hiddenOrMissing(ref: ContributionRef, session: LiveSession): string {
  const { vault } = docs(session);
  if (vaultHidden(vault).has(ref.refId)) return `${label(ref)}: the note is hidden`;
  if (vaultPending(vault).has(ref.refId)) return `${label(ref)}: the note is not revealed yet`;
  return `${label(ref)}: no such note in session ${ref.sessionId}`;
}

function label(ref: ContributionRef): string {
  return `${ref.kind} ${ref.refId}`;
}

function docs(session: LiveSession) {
  return { board: session.rooms.board.doc, control: session.rooms.control.doc, vault: session.rooms.vault.doc };
}
