/**
 * The HTTP API's bodies, as zod schemas with their types derived from them (HOST-CONTRACT.md).
 * The host parses every request body with these; the renderer and tests use the same types.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../core/errors';
import { PARTICIPANT_ROLES } from '../core/roles';
import { SESSION_TITLE_MAX_LENGTH } from '../core/workshop/session-info';

export const DISPLAY_NAME_MAX_LENGTH = 60;

export const ErrorBodySchema = z.object({
  error: z.enum(ERROR_CODES),
  message: z.string(),
  /** What exactly was wrong, e.g. the fields of a refused template ("steps.2.minutes: …"). */
  details: z.array(z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** `now` is the host clock (ms): devices estimate their offset from it so timers agree. */
export const HealthSchema = z.object({ ok: z.literal(true), version: z.string(), now: z.number() });
export type Health = z.infer<typeof HealthSchema>;

export const CreateSessionBodySchema = z.object({
  title: z.string().trim().min(1).max(SESSION_TITLE_MAX_LENGTH),
  template: z.string().max(100).optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;

/**
 * `ok`: openable; `corrupt`/`too-new`/`read-only`: the file is listed (so nothing looks lost) but
 * cannot be opened (a read-only file or folder could not keep what the room writes).
 */
export const SessionStatusSchema = z.enum(['ok', 'corrupt', 'too-new', 'read-only']);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const SessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  shared: z.boolean(),
  status: SessionStatusSchema,
  file: z.string(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const ShareBodySchema = z
  .object({ address: z.string().max(100).optional() })
  .optional();
export type ShareBody = z.infer<typeof ShareBodySchema>;

export const ShareResponseSchema = z.object({
  sessionId: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  joinSecret: z.string(),
  qrSvg: z.string(),
  address: z.string(),
  port: z.number(),
  expiresAt: z.number(),
});
export type ShareResponse = z.infer<typeof ShareResponseSchema>;

export const RoleSchema = z.enum(PARTICIPANT_ROLES);

export const JoinBodySchema = z
  .object({
    code: z.string().max(20).optional(),
    secret: z.string().max(200).optional(),
    name: z.string().trim().max(DISPLAY_NAME_MAX_LENGTH).optional(),
    anonymous: z.boolean().optional(),
    role: RoleSchema,
  })
  .refine((b) => Boolean(b.code) !== Boolean(b.secret), {
    message: 'give either a code or a secret',
  });
export type JoinBody = z.infer<typeof JoinBodySchema>;

export const JoinResponseSchema = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  token: z.string(),
  participantId: z.string(),
  /**
   * What this participant's votes, marks and notes are keyed by in the shared board (never the
   * participant id, which others see in presence): the device finds its own entries with it.
   */
  pseudonym: z.string(),
  name: z.string().nullable(),
  role: RoleSchema,
  anonymous: z.boolean(),
});
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/** `GET /api/join/info?secret=…` or `?code=…`: what the join page shows before asking for a name. */
export const JoinInfoSchema = z.object({ sessionId: z.string(), sessionTitle: z.string() });
export type JoinInfo = z.infer<typeof JoinInfoSchema>;

/** `GET /api/me`: who the bearer token belongs to (the renderer checks a stored token with it). */
export const MeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator') }),
  z.object({
    kind: z.literal('participant'),
    sessionId: z.string(),
    sessionTitle: z.string(),
    participantId: z.string(),
    pseudonym: z.string(),
    name: z.string().nullable(),
    role: RoleSchema,
    anonymous: z.boolean(),
  }),
]);
export type Me = z.infer<typeof MeSchema>;

/** `GET /api/network`: this machine's addresses a facilitator can open a session on. */
export const NetworkSchema = z.object({
  addresses: z.array(
    z.object({ address: z.string(), interface: z.string(), internal: z.boolean() }),
  ),
  port: z.number(),
});
export type Network = z.infer<typeof NetworkSchema>;

export const TemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  lang: z.enum(['sv', 'en']),
  description: z.string(),
  source: z.string(),
  stepCount: z.number(),
  minutes: z.number(),
  /** Shipped with the app (cannot be deleted) or saved by a facilitator. */
  builtIn: z.boolean(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const SaveTemplateBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  lang: z.enum(['sv', 'en']),
  description: z.string().max(2000).optional(),
});
export type SaveTemplateBody = z.infer<typeof SaveTemplateBodySchema>;

/** A participant's note in a silent-writing step: kept by the host until the facilitator reveals. */
export const PrivateNoteBodySchema = z.object({
  stepId: z.string().min(1).max(40),
  text: z.string().max(4000),
  /** The prompt the note answers, in a step with questions (a reflection's prompts, issue #4). */
  questionId: z.string().min(1).max(80).optional(),
});
export type PrivateNoteBody = z.infer<typeof PrivateNoteBodySchema>;

export const PrivateNoteResponseSchema = z.object({ id: z.string(), text: z.string(), createdAt: z.number() });
export type PrivateNoteResponse = z.infer<typeof PrivateNoteResponseSchema>;

export const RevealResponseSchema = z.object({ revealed: z.number() });
export type RevealResponse = z.infer<typeof RevealResponseSchema>;

/** `GET /api/sessions/:id/participants`: who joined (the facilitator may remove someone). */
export const ParticipantSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  role: RoleSchema,
  anonymous: z.boolean(),
  joinedAt: z.number(),
  removed: z.boolean(),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummarySchema>;

/** `GET /api/sessions/:id/backups`: automatic copies of the session file, newest first. */
export const BackupSummarySchema = z.object({
  name: z.string(),
  createdAt: z.number(),
  reason: z.enum(['step', 'close', 'stop', 'before-restore', 'manual']),
  bytes: z.number(),
});
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

/**
 * `GET /api/sessions/:id/lineage/:doc`: the state vector (base64, Yjs encoding) the document's
 * earlier lineages ended with; empty when it has none. A device refused with 4409 keeps, of its
 * copy, only what lies beyond it: that never reached the host (docs/host-api.md, "Sync").
 */
export const RetiredLineageSchema = z.object({ stateVector: z.string().max(1_000_000) });
export type RetiredLineage = z.infer<typeof RetiredLineageSchema>;
