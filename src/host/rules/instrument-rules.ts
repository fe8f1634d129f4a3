import { parseMarkKey } from '../../core/instruments/marks';
import { PersonaCardSchema, personaCardsMap } from '../../core/instruments/personas';
import type { PersonaCard, PersonasConfig } from '../../core/instruments/personas';
import type { Step } from '../../core/workshop/agenda';
import { groupOf, selectGroups } from '../../core/workshop/groups';
import { stepConfig, stepType } from '../../core/workshop/step-types';
import type { BoardContext } from './board-rules';
import { isOwnAuthorId } from './own-author';
import type { MapWrite } from './update-reader';

/**
 * The host's rules for the instruments' board roots (issue #4), in the manner of notes and votes:
 * - `marks`: a participant's own ticks, key `<step>|<group>|<pseudonym>|<cell>` (core
 *   instruments/marks.ts): the running step takes marks, the key names the writer's pseudonym and
 *   their own group, the step type accepts the cell, the value is true or null, input is open;
 * - `personaCards`: a group's persona card, written and edited by one person, like a note.
 * A participant's write to any root not checked here or in board-rules.ts is refused.
 */
export function checkMarks(writes: readonly MapWrite[], ctx: BoardContext, step: Step | undefined, locked: boolean): string | null {
  const type = step ? stepType(step.type) : undefined;
  const config = step ? stepConfig(step) : null;
  if (!step || !type?.isMarkCell || config === null) return 'no step taking marks is running';
  if (locked) return 'input is locked';
  const groupId = ownGroupId(step, ctx);
  for (const write of writes) {
    const key = parseMarkKey(write.key);
    if (!key || key.stepId !== step.id || key.pseudonym !== ctx.pseudonym) return 'marks go in the writer’s own entries of the running step';
    if (key.groupId !== groupId) return 'marks go to the writer’s own group';
    if (!type.isMarkCell(key.cell, config)) return 'not a cell of this step';
    if (write.values.some((v) => v !== true && v !== null)) return 'a mark is true or null';
  }
  return null;
}

export function checkPersonaCard(key: string, value: unknown, ctx: BoardContext, step: Step | undefined, locked: boolean): string | null {
  const parsed = PersonaCardSchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== key) return 'a persona card must be well formed under its own id';
  const card = parsed.data;
  const before = personaCardsMap(ctx.board).get(key);
  const author = authorProblem(card, before, ctx);
  if (author) return author;
  if (before) {
    if (!sameOrigin(before, card)) return 'an edit must keep who wrote the card, when and where';
    return locked && before.stepId === step?.id ? 'input is locked' : null;
  }
  const type = step ? stepType(step.type) : undefined;
  const config = step ? stepConfig<PersonasConfig>(step) : null;
  if (!step || !type?.acceptsPersonaCards || !config?.groupCards) return 'this step does not take persona cards';
  if (card.stepId !== step.id) return 'cards go to the step that is running';
  if (locked) return 'input is locked';
  if ((card.groupId ?? null) !== ownGroupId(step, ctx)) return 'cards go to the writer’s own group';
  if (card.channels.some((c) => !config.channelIds.includes(c))) return 'a card names channels of the step';
  return null;
}

/** The writer's group in a group step, null in a room step (or when not placed in a group). */
function ownGroupId(step: Step, ctx: BoardContext): string | null {
  if (step.groupMode !== 'groups') return null;
  return groupOf(selectGroups(ctx.control), ctx.participant.id)?.id ?? null;
}

/** The author fields carry the token's identity: the role always, name and pseudonym unless anonymous. */
function authorProblem(fields: PersonaCard, before: PersonaCard | undefined, ctx: BoardContext): string | null {
  const { participant } = ctx;
  if (fields.authorRole !== participant.role || fields.anonymous !== participant.anonymous) return 'a card must carry its writer’s own role';
  if (participant.anonymous) return fields.authorName === undefined && fields.authorId === undefined ? null : 'an anonymous card carries no name and no id';
  return isOwnAuthorId(fields.authorId, before?.authorId, ctx) && (fields.authorName ?? null) === participant.name ? null : 'a card must carry its writer’s own name';
}

function sameOrigin(before: PersonaCard, after: PersonaCard): boolean {
  return (
    before.createdAt === after.createdAt &&
    before.authorRole === after.authorRole &&
    before.anonymous === after.anonymous &&
    before.authorName === after.authorName &&
    before.authorId === after.authorId &&
    before.stepId === after.stepId &&
    before.groupId === after.groupId
  );
}
