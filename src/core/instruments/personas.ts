import type * as Y from 'yjs';
import { z } from 'zod';
import { createItemId } from '../ids';
import { PARTICIPANT_ROLES } from '../roles';
import type { NoteAuthor } from '../workshop/board';
import type { PackOf } from './content-pack';
import type { PackLanguage } from './pack-parts';
import { PromptIdSchema } from './prompts';

/**
 * Persona cards described by situation and needs, not diagnosis, grouped into segments, and a
 * persona × contact-channel matrix. Cards come from the pack (picked in the step config), from the
 * facilitator (written into the config) or from a group (board `personaCards`, one writer per card,
 * checked by the host like a note). The matrix is participants' marks (marks.ts), cell
 * `<personaId>:<channelId>`: each person ticks the channels that suit a persona; the group's matrix
 * is the count.
 */
export const CARD_TEXT_MAX = 600;
export const CARD_LABEL_MAX = 80;

const CardText = z.string().trim().max(CARD_TEXT_MAX);

/** What a persona card says (the fields). Group cards may leave fields empty while drafting. */
export const PersonaContentSchema = z.object({
  label: z.string().trim().min(1).max(CARD_LABEL_MAX),
  segmentId: z.string().max(40).optional(),
  situation: CardText,
  whatMatters: CardText,
  needs: z.array(z.string().trim().min(1).max(200)).max(8),
  abilityAndWill: CardText,
  resources: CardText,
  expectations: CardText,
  channels: z.array(z.string().max(40)).max(20),
});
export type PersonaContent = z.infer<typeof PersonaContentSchema>;

export const PersonasConfigSchema = z.object({
  packId: z.string().max(60),
  /** Pack personas on the table, in order. */
  personaIds: z.array(z.string().max(40)).max(20),
  /** The facilitator's own personas (ids "egen-1", …). */
  customPersonas: z.array(PersonaContentSchema.extend({ id: PromptIdSchema })).max(12),
  /** The matrix's columns: pack channel ids. */
  channelIds: z.array(PromptIdSchema).max(20),
  /** Show the segments (with SKL's caveat). */
  showSegments: z.boolean(),
  /** Groups may write their own persona cards. */
  groupCards: z.boolean(),
});
export type PersonasConfig = z.infer<typeof PersonasConfigSchema>;

export const DEFAULT_PERSONAS_CONFIG: PersonasConfig = {
  packId: 'personas',
  personaIds: [],
  customPersonas: [],
  channelIds: [],
  showSegments: true,
  groupCards: true,
};

/** A config showing every pack persona and channel (a starting point the facilitator trims). */
export function personasConfigFromPack(pack: PackOf<'personas'>): PersonasConfig {
  return { ...DEFAULT_PERSONAS_CONFIG, packId: pack.id, personaIds: pack.content.personas.map((p) => p.id), channelIds: pack.content.channels.map((c) => c.id) };
}

/** A pack persona as card content in one language. */
export function packPersona(pack: PackOf<'personas'>, id: string, lang: PackLanguage): (PersonaContent & { id: string }) | null {
  const p = pack.content.personas.find((x) => x.id === id);
  if (!p) return null;
  return {
    id: p.id,
    label: p.label[lang],
    segmentId: p.segment,
    situation: p.situation[lang],
    whatMatters: p.whatMatters[lang],
    needs: p.needs.map((n) => n[lang]),
    abilityAndWill: p.abilityAndWill[lang],
    resources: p.resources[lang],
    expectations: p.expectations[lang],
    channels: [...p.channels],
  };
}

/** A matrix cell: "<personaId>:<channelId>". Persona ids of group cards are only known on the board, so the host checks their form. */
export function personaCell(personaId: string, channelId: string): string {
  return `${personaId}:${channelId}`;
}

export function isPersonaCell(cell: string, config: PersonasConfig): boolean {
  const [persona, channel, extra] = cell.split(':');
  return extra === undefined && PromptIdSchema.safeParse(persona).success && config.channelIds.includes(channel ?? '');
}

/** A group's card on the board: the content plus who wrote it, where and when (as a note). */
export const PersonaCardSchema = PersonaContentSchema.extend({
  id: z.string().min(1).max(40),
  stepId: z.string().max(40),
  groupId: z.string().max(40).optional(),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  authorRole: z.enum([...PARTICIPANT_ROLES, 'facilitator']),
  anonymous: z.boolean(),
  authorName: z.string().max(100).optional(),
  authorId: z.string().max(40).optional(),
}).strict();
export type PersonaCard = z.infer<typeof PersonaCardSchema>;

export function personaCardsMap(board: Y.Doc): Y.Map<PersonaCard> {
  return board.getMap<PersonaCard>('personaCards');
}

/** Builds a group card (author fields as on notes: none but the role when anonymous). */
export function createPersonaCard(content: PersonaContent, author: NoteAuthor, place: { stepId: string; groupId?: string }, now = Date.now()): PersonaCard {
  const parsed = PersonaContentSchema.parse(content);
  return {
    ...parsed,
    id: createItemId(),
    stepId: place.stepId,
    ...(place.groupId ? { groupId: place.groupId } : {}),
    createdAt: now,
    authorRole: author.role,
    anonymous: author.anonymous,
    ...(author.anonymous ? {} : { ...(author.name ? { authorName: author.name } : {}), ...(author.pseudonym ? { authorId: author.pseudonym } : {}) }),
  };
}

/** Writes a new card or the writer's edit of their own card. */
export function putPersonaCard(board: Y.Doc, card: PersonaCard): void {
  board.transact(() => personaCardsMap(board).set(card.id, card), 'local');
}

/** A step's group cards, oldest first; one group's only when `groupId` is given. */
export function selectPersonaCards(board: Y.Doc, stepId: string, groupId?: string | null): PersonaCard[] {
  return [...personaCardsMap(board).values()]
    .filter((c) => c.stepId === stepId && (groupId === undefined || (c.groupId ?? null) === groupId))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
