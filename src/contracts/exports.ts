import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../core/roles';
import { ImprovementSchema } from '../core/improvement/model';

/**
 * The export formats of a session (issue #6) and the complete JSON export's schema.
 *
 * The JSON export is the session's three Yjs documents as plain JSON (every top-level type is a
 * Y.Map or Y.Array of JSON values, so a map/array dump is the whole content), the people who took
 * part without tokens, ids or the names of the anonymous, and the improvements linked to it.
 * `POST /api/sessions/import` reads it back into a new session.
 */
export const EXPORT_FORMATS = ['json', 'md', 'csv', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_KINDS = ['notes', 'votes', 'answers', 'datapoints'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const CSV_SEPARATORS = ['semicolon', 'comma'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export const EXPORT_LANGUAGES = ['sv', 'en'] as const;

/** The query of `GET /api/sessions/:id/export`. */
export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  lang: z.enum(EXPORT_LANGUAGES).optional(),
  kind: z.enum(CSV_KINDS).default('notes'),
  separator: z.enum(CSV_SEPARATORS).default('semicolon'),
  /** `mask`: personal data the scrubber finds is masked in every text of the file (JSON: in the documents' values; archives are never rewritten). */
  scrub: z.enum(['mask']).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export const SESSION_EXPORT_FORMAT = 'samskapa-session';
export const SESSION_EXPORT_VERSION = 1;

const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

/** One Yjs document: its top-level maps (key → value) and arrays (in order). */
export const DocumentDumpSchema = z.object({
  maps: z.record(z.string().max(100), z.record(z.string(), JsonValueSchema)),
  arrays: z.record(z.string().max(100), z.array(JsonValueSchema)),
});
export type DocumentDump = z.infer<typeof DocumentDumpSchema>;

/**
 * A person who took part. `ref` ("p1", "p2", … in joining order) stands for the participant id
 * wherever the documents named it (groups, who answered): the export carries no participant id.
 */
export const ExportedParticipantSchema = z.object({
  ref: z.string().regex(/^p\d{1,6}$/),
  role: z.enum(PARTICIPANT_ROLES),
  /** Only for someone who gave a name and did not choose anonymity. */
  name: z.string().max(100).optional(),
  anonymous: z.boolean(),
  joinedAt: z.number(),
  removedAt: z.number().nullable(),
});
export type ExportedParticipant = z.infer<typeof ExportedParticipantSchema>;

export const SessionExportSchema = z.object({
  format: z.literal(SESSION_EXPORT_FORMAT),
  version: z.literal(SESSION_EXPORT_VERSION),
  exportedAt: z.number(),
  session: z.object({ id: z.string().max(40), title: z.string().max(200), createdAt: z.number() }),
  documents: z.object({ control: DocumentDumpSchema, board: DocumentDumpSchema, vault: DocumentDumpSchema }),
  participants: z.array(ExportedParticipantSchema).max(100_000),
  improvements: z.array(ImprovementSchema).max(1000),
});
export type SessionExport = z.infer<typeof SessionExportSchema>;

/** What the scrubber found, for the export dialog's warning (`GET /api/sessions/:id/export/check`). */
export const PersonalDataKindSchema = z.enum(['personnummer', 'phone', 'email']);
export const ExportCheckSchema = z.object({
  findings: z.array(
    z.object({
      kind: PersonalDataKindSchema,
      /** The text around the finding with the finding itself masked, so the warning does not repeat it. */
      excerpt: z.string(),
      /** Where it is: the step's title (or the session's title). */
      where: z.string(),
    }),
  ),
  counts: z.object({ personnummer: z.number(), phone: z.number(), email: z.number() }),
});
export type ExportCheck = z.infer<typeof ExportCheckSchema>;

/** The answer to an import: the new session. */
export const ImportResultSchema = z.object({ id: z.string(), title: z.string() });
