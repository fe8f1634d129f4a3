import type { ParticipantRecord } from '../persistence/session-store';

/**
 * Whether a named note's or persona card's `authorId` is the writer's own: their pseudonym
 * (host/auth/pseudonym.ts). An entry written before pseudonyms carries the participant id instead;
 * its writer may still edit it, keeping that id as it was (the callers check nothing else changed).
 */
export function isOwnAuthorId(
  authorId: string | undefined,
  beforeAuthorId: string | undefined,
  writer: { readonly participant: ParticipantRecord; readonly pseudonym: string },
): boolean {
  if (authorId === writer.pseudonym) return true;
  return beforeAuthorId !== undefined && beforeAuthorId === writer.participant.id && authorId === beforeAuthorId;
}
