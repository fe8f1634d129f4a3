import type * as Y from 'yjs';
import type { ContentPack } from '../instruments/content-pack';
import type { ParticipantRole } from '../roles';
import type { ReportImprovement, ReportLanguage, SessionReport } from './report-model';

export * from './report-model';
export { fillText, reportText } from './report-text';
export type { ReportText, ReportTextKey } from './report-text';

/** A participant as the report may know them: never a token; the name only as stored. */
export interface ReportParticipantInput {
  readonly id: string;
  readonly name: string | null;
  readonly role: ParticipantRole;
  readonly anonymous: boolean;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

/** What the report is built from: the session's three documents, who joined, and the packs. */
export interface SessionReportInput {
  readonly sessionId: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  /** Read for counts only (notes not yet revealed); hidden notes never reach the report. */
  readonly vault: Y.Doc;
  readonly participants: readonly ReportParticipantInput[];
  /** Content packs by id (those the session's steps name); a missing pack only drops its source line. */
  readonly packs: ReadonlyMap<string, ContentPack>;
  /** Filled by the export service from the improvement store (issue #5). */
  readonly improvements?: readonly ReportImprovement[];
  readonly now: number;
  /** The host's offset from UTC in minutes (east positive), so dates are the room's. */
  readonly utcOffsetMinutes: number;
}

/** Builds the report (the builder lands in the next commit; the types above are stable for renderers). */
export function buildSessionReport(input: SessionReportInput, lang: ReportLanguage): SessionReport {
  throw new Error(`report builder not written yet (${input.sessionId}, ${lang})`);
}
