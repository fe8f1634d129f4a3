import type * as Y from 'yjs';
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../core/roles';
import { NOTE_MAX_LENGTH, getNote } from '../../core/workshop/board';
import type { Note } from '../../core/workshop/board';
import { findStep } from '../../core/workshop/agenda';
import type { Step } from '../../core/workshop/agenda';
import { groupOf, selectGroups } from '../../core/workshop/groups';
import { selectRunState } from '../../core/workshop/run-state';
import { DotVotingConfigSchema, stepConfig, stepType } from '../../core/workshop/step-types';
import { parseVoteKey, voteKey } from '../../core/workshop/votes';
import type { ParticipantRecord } from '../persistence/session-store';
import { checkMarks, checkPersonaCard } from './instrument-rules';
import { isOwnAuthorId } from './own-author';
import type { MapWrite } from './update-reader';

const NoteSchema = z.strictObject({
  id: z.string().min(1).max(40),
  text: z.string().min(1).max(NOTE_MAX_LENGTH),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  authorRole: z.enum(PARTICIPANT_ROLES),
  anonymous: z.boolean(),
  authorName: z.string().max(100).optional(),
  authorId: z.string().max(40).optional(),
  stepId: z.string().max(40).optional(),
  groupId: z.string().max(40).optional(),
  questionId: z.string().max(80).optional(),
});

export interface BoardContext {
  readonly participant: ParticipantRecord;
  /**
   * What the participant's board entries are keyed by: vote and mark keys and a named note's
   * `authorId` carry it, never the participant id (host/auth/pseudonym.ts).
   */
  readonly pseudonym: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
}

/**
 * What a participant may write on the board, checked by the host before anything is stored:
 * notes as themselves in the step that is running, votes in their own slots, and the instruments'
 * marks and persona cards (instrument-rules.ts). Any other root is refused. Returns the reason for
 * refusing (it goes into the 4403 close), or null.
 */
export function checkBoardWrites(writes: readonly MapWrite[], ctx: BoardContext): string | null {
  const run = selectRunState(ctx.control);
  const step = run.currentStepId ? findStep(ctx.control, run.currentStepId) : undefined;
  const votes: MapWrite[] = [];
  const marks: MapWrite[] = [];
  for (const write of writes) {
    if (write.root === 'notes') {
      for (const value of write.values) {
        const problem = checkNote(write.key, value, ctx, step, run.locked);
        if (problem) return problem;
      }
    } else if (write.root === 'votes') {
      votes.push(write);
    } else if (write.root === 'marks') {
      marks.push(write);
    } else if (write.root === 'personaCards') {
      for (const value of write.values) {
        const problem = checkPersonaCard(write.key, value, ctx, step, run.locked);
        if (problem) return problem;
      }
    } else {
      return `participants do not write "${write.root}"`;
    }
  }
  if (marks.length > 0) {
    const problem = checkMarks(marks, ctx, step, run.locked);
    if (problem) return problem;
  }
  return votes.length > 0 ? checkVotes(votes, ctx, step, run.locked) : null;
}

function checkNote(key: string, value: unknown, ctx: BoardContext, step: Step | undefined, locked: boolean): string | null {
  const parsed = NoteSchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== key) return 'a note must be a well-formed note under its own id';
  const note = parsed.data;
  const { participant } = ctx;
  const before = getNote(ctx.board, key);
  if (note.authorRole !== participant.role || note.anonymous !== participant.anonymous) return 'a note must carry its writer’s own role';
  if (participant.anonymous && (note.authorName !== undefined || note.authorId !== undefined)) return 'an anonymous note carries no name and no id';
  if (!participant.anonymous && (!isOwnAuthorId(note.authorId, before?.authorId, ctx) || (note.authorName ?? null) !== participant.name)) {
    return 'a note must carry its writer’s own name';
  }
  if (before) return sameOrigin(before, note) ? (locked && before.stepId === step?.id ? 'input is locked' : null) : 'an edit must keep who wrote the note, when and where';
  if (!step) return note.stepId === undefined ? null : 'no step is running';
  const type = stepType(step.type);
  if (note.stepId !== step.id) return 'notes go to the step that is running';
  if (!type?.acceptsNotes || type.privateUntilReveal) return 'this step does not take notes on the board';
  if (locked) return 'input is locked';
  if (note.questionId !== undefined) {
    const config = stepConfig(step);
    if (config === null || !type.noteQuestionIds?.(config).includes(note.questionId)) return 'a note answers a question of the running step';
  }
  if (step.groupMode === 'groups') {
    const group = groupOf(selectGroups(ctx.control), participant.id);
    if ((note.groupId ?? null) !== (group?.id ?? null)) return 'notes go to the writer’s own group';
  } else if (note.groupId !== undefined) {
    return 'this step is not in groups';
  }
  return null;
}

/** An edit may change the text only. */
function sameOrigin(before: Note, after: z.infer<typeof NoteSchema>): boolean {
  return (
    before.createdAt === after.createdAt &&
    before.authorRole === after.authorRole &&
    before.anonymous === after.anonymous &&
    before.authorName === after.authorName &&
    before.authorId === after.authorId &&
    before.stepId === after.stepId &&
    before.groupId === after.groupId &&
    before.questionId === after.questionId
  );
}

function checkVotes(writes: readonly MapWrite[], ctx: BoardContext, step: Step | undefined, locked: boolean): string | null {
  if (!step || !stepType(step.type)?.acceptsVotes) return 'no voting step is running';
  if (locked) return 'input is locked';
  const config = DotVotingConfigSchema.parse({ ...(stepType(step.type)?.defaultConfig as object), ...step.config });
  const votes = ctx.board.getMap<string | null>('votes');
  const mine = new Map<number, string | null>();
  // Slots are keyed by the pseudonym. Keys naming a participant id (sessions from before
  // pseudonyms) stay as they were: read and counted, never written again.
  for (let slot = 0; slot < config.votesPerPerson; slot++) mine.set(slot, votes.get(voteKey(step.id, ctx.pseudonym, slot)) ?? null);
  for (const write of writes) {
    const key = parseVoteKey(write.key);
    if (!key || key.stepId !== step.id || key.voterId !== ctx.pseudonym) return 'votes go in the voter’s own slots of the running step';
    if (key.slot >= config.votesPerPerson) return 'no votes left';
    for (const value of write.values) {
      if (value !== null && (typeof value !== 'string' || !getNote(ctx.board, value))) return 'a vote goes to a note on the board';
      mine.set(key.slot, value as string | null);
    }
  }
  if (!config.allowStacking) {
    const chosen = [...mine.values()].filter((v): v is string => v !== null);
    if (new Set(chosen).size !== chosen.length) return 'one vote per note';
  }
  return null;
}
