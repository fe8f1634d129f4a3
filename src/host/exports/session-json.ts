import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../core/roles';
import { NOTE_MAX_LENGTH } from '../../core/workshop/board';
import { SESSION_EXPORT_FORMAT, SESSION_EXPORT_VERSION, SessionExportSchema } from '../../contracts/exports';
import type { ExportedParticipant, SessionExport } from '../../contracts/exports';
import { DomainError } from '../../core/errors';
import { MAX_ITEMS } from '../../core/improvement/model';
import type { Improvement } from '../../core/improvement/model';
import { NotDumpable, dumpDocument, replaceIds, restoreDocument } from '../../core/report/session-dump';
import { isStep, parseStep } from '../../core/workshop/agenda';
import { DOC_NAMES } from '../../core/workshop/doc-names';
import type { DocName } from '../../core/workshop/doc-names';
import type { SessionSummary } from '../../contracts/http';
import { SESSION_TITLE_MAX_LENGTH, selectSessionInfo } from '../../core/workshop/session-info';
import { hashToken, randomId, randomToken } from '../auth/tokens';
import type { ImprovementService } from '../improvements/improvement-service';
import type { StoredParticipant } from '../persistence/session-store';
import type { LiveSession } from '../sessions/live-session';
import type { SessionManager } from '../sessions/session-manager';

/**
 * The complete JSON export of a session and its import into a new session (issue #6).
 *
 * What goes out: the three documents as JSON (session-dump.ts), the people who took part with a
 * stand-in ("p1", "p2", … in joining order) for their id wherever the documents named it, a name
 * only for who gave one and was not anonymous, and the improvements linked to the session. What
 * never goes out: tokens (not even their hashes), participant ids, the join code.
 *
 * Export → import → export gives the same file but for `session.id`, `exportedAt`, and, for each
 * linked improvement, the link to the new session (`sessions`, `revision`, `updatedAt`).
 */
export function exportSessionJson(session: LiveSession, improvements: readonly Improvement[], now: number): SessionExport {
  const meta = session.store.meta();
  const rows = [...session.store.listParticipants()].sort((a, b) => a.createdAt - b.createdAt);
  const stand = new Map(rows.map((p, i) => [p.id, `p${i + 1}`]));
  const participants: ExportedParticipant[] = rows.map((p, i) => ({
    ref: `p${i + 1}`,
    role: p.role,
    ...(!p.anonymous && p.name ? { name: p.name } : {}),
    anonymous: p.anonymous,
    joinedAt: p.createdAt,
    removedAt: p.revokedAt,
  }));
  const dump = (name: (typeof DOC_NAMES)[number]) => {
    try {
      return replaceIds(dumpDocument(session.rooms[name].doc), stand);
    } catch (error) {
      if (error instanceof NotDumpable) throw new DomainError('internal', `session ${meta.id}/${name}: ${error.message}`);
      throw error;
    }
  };
  const info = selectSessionInfo(session.rooms.control.doc);
  return {
    format: SESSION_EXPORT_FORMAT,
    version: SESSION_EXPORT_VERSION,
    exportedAt: now,
    session: { id: meta.id, title: info?.title ?? meta.title, createdAt: info?.createdAt ?? meta.createdAt },
    documents: { control: dump('control'), board: dump('board'), vault: dump('vault') },
    participants,
    improvements: [...improvements],
  };
}

/**
 * Writes a new session file from its parts, then opens it like any other. A failure on the way
 * removes the half-written file, so a refused import leaves nothing behind.
 */
export function createImportedSession(
  manager: SessionManager,
  parts: { title: string; createdAt: number; updates: readonly { doc: DocName; data: Uint8Array }[]; participants: readonly StoredParticipant[] },
): SessionSummary {
  const id = randomId();
  const store = manager.directory.create(id, parts.title.slice(0, 200), parts.createdAt);
  try {
    store.appendUpdates(parts.updates);
    store.importParticipants(parts.participants);
  } catch (error) {
    store.close();
    manager.directory.remove(id);
    throw error;
  } finally {
    store.close();
  }
  manager.open(id);
  return manager.summary(id);
}

/**
 * How deep a session export may nest, counted from the file's top: a document's values are a few
 * levels deep (file → documents → control → maps → type → key → value …), far below this.
 */
export const SESSION_EXPORT_MAX_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `limit` objects/arrays (checked without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Reads an uploaded export: the format, a version this app reads, then the schema. Every problem is named. */
export function parseSessionJson(text: string): SessionExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('invalid-session-export', 'not JSON', ['(file): the file is not JSON']);
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== SESSION_EXPORT_FORMAT) {
    throw new DomainError('invalid-session-export', 'not a session export', [`format: the file is not a Samskapa session export (no "format": "${SESSION_EXPORT_FORMAT}")`]);
  }
  if (typeof head.version === 'number' && head.version > SESSION_EXPORT_VERSION) {
    throw new DomainError('session-too-new', `version ${head.version}`, [`version: ${head.version} is newer than this app reads (${SESSION_EXPORT_VERSION})`]);
  }
  // The schema's JSON values are recursive: a file nested thousands of levels deep would overflow
  // the stack while being checked (a 500), so it is refused, named, before the schema sees it.
  if (nestedDeeperThan(value, SESSION_EXPORT_MAX_DEPTH)) {
    throw new DomainError('invalid-session-export', 'too deep', [`(file): nested deeper than ${SESSION_EXPORT_MAX_DEPTH} levels`]);
  }
  const parsed = SessionExportSchema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-session-export',
      'schema',
      parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  const agenda = agendaProblems(parsed.data);
  if (agenda.length > 0) throw new DomainError('invalid-session-export', 'agenda', agenda.slice(0, 20));
  const notes = noteProblems(parsed.data);
  if (notes.length > 0) throw new DomainError('invalid-session-export', 'notes', notes.slice(0, 20));
  const clusters = clusterProblems(parsed.data);
  if (clusters.length > 0) throw new DomainError('invalid-session-export', 'clusters', clusters.slice(0, 20));
  const info = SessionInfoSchema.safeParse(parsed.data.documents.control.maps.session ?? {});
  if (!info.success) throw new DomainError('invalid-session-export', 'session info', info.error.issues.map((i) => `documents.control.maps.session.${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/**
 * The session's own title and time in the control document (session-info.ts): the title every
 * export carries; a longer one than a session may have was stored and its export was then not a
 * valid export (found by tests/fuzz).
 */
const SessionInfoSchema = z.looseObject({ title: z.string().max(SESSION_TITLE_MAX_LENGTH).optional(), createdAt: z.number().finite().optional() });

/** A group of notes (clusters.ts) as the grouping step stores it; reports print its title. */
const ImportedClusterSchema = z.looseObject({
  id: z.string().min(1).max(100),
  stepId: z.string().min(1).max(100),
  title: z.string(),
  noteIds: z.array(z.string().max(100)).max(100_000),
  order: z.number().finite(),
});

/** The groups of the grouping steps: a title that is not text was stored and broke the report (found by tests/fuzz). */
function clusterProblems(data: SessionExport): string[] {
  return Object.entries(data.documents.control.maps.clusters ?? {}).flatMap(([key, cluster]) => {
    const r = ImportedClusterSchema.safeParse(cluster);
    const at = `documents.control.maps.clusters.${key}`;
    if (!r.success) return r.error.issues.map((issue) => `${at}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
    return r.data.id === key ? [] : [`${at}.id: the group's id differs from its key`];
  });
}

/** A note as the board stores it; the rest of a note's fields are read where they are used. */
const ImportedNoteSchema = z
  .looseObject({
    id: z.string().min(1).max(40),
    text: z.string().min(1).max(NOTE_MAX_LENGTH),
    createdAt: z.number(),
    authorRole: z.enum([...PARTICIPANT_ROLES, 'facilitator']),
    anonymous: z.boolean(),
    authorName: z.string().max(100).optional(),
    authorId: z.string().max(40).optional(),
  })
  // The promise of board.ts holds for imported notes too: an anonymous note names nobody.
  .refine((n) => !n.anonymous || (n.authorName === undefined && n.authorId === undefined), 'an anonymous note carries a name or an author id');

/**
 * The notes on the board and in the vault (hidden, not yet revealed): every report, list and CSV
 * reads them, and an anonymous one must not arrive with a name.
 */
function noteProblems(data: SessionExport): string[] {
  const maps: [string, Record<string, unknown> | undefined][] = [
    ['documents.board.maps.notes', data.documents.board.maps.notes],
    ['documents.vault.maps.hidden', data.documents.vault.maps.hidden],
    ['documents.vault.maps.pending', data.documents.vault.maps.pending],
  ];
  return maps.flatMap(([path, map]) =>
    Object.entries(map ?? {}).flatMap(([key, note]) => {
      const r = ImportedNoteSchema.safeParse(note);
      if (!r.success) return r.error.issues.map((issue) => `${path}.${key}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
      return r.data.id === key ? [] : [`${path}.${key}.id: the note's id differs from its key`];
    }),
  );
}

/**
 * The agenda's steps as the app itself makes them (`parseStep`: a known type, a title, minutes, a
 * config of the type's schema): every screen and report reads them, so a step without a title
 * would be stored and then break the session's report (found by tests/fuzz).
 */
function agendaProblems(data: SessionExport): string[] {
  const agenda = data.documents.control.arrays.agenda;
  if (agenda === undefined) return [];
  return agenda.flatMap((step, i) => {
    const at = `documents.control.arrays.agenda.${i}`;
    if (step === null || typeof step !== 'object' || Array.isArray(step)) return [`${at}: not a step`];
    const id = (step as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return [`${at}.id: not a step id`];
    const parsed = parseStep(step, id);
    if (isStep(parsed)) return [];
    return parsed.error === 'unknown-step-type' ? [`${at}.type: unknown step type "${parsed.type}"`] : parsed.issues.map((issue) => `${at}.${issue}`);
  });
}

/**
 * Each linked improvement must have room for one more workshop (the model keeps at most
 * MAX_ITEMS). Reading one this host has also refuses, before anything is written, one whose file is
 * damaged or too new.
 */
function linkProblems(improvements: ImprovementService, data: SessionExport): string[] {
  return data.improvements.flatMap((improvement, i) => {
    const linked = improvements.store.directory.exists(improvement.id) ? improvements.store.get(improvement.id).sessions.length : improvement.sessions.length;
    return linked >= MAX_ITEMS ? [`improvements.${i}: already linked to ${linked} workshops, the most an improvement keeps`] : [];
  });
}

/**
 * Creates a new session from an export. The documents are written as one update each before the
 * session opens; the people are added under their stand-ins with a token hash nobody holds (they
 * cannot rejoin an imported session; a new share gives new codes). Linked improvements this host
 * does not have are added unchanged; every one is linked to the new session.
 */
export function importSessionJson(
  manager: SessionManager,
  improvements: ImprovementService | null,
  data: SessionExport,
  now: number,
  /** Reads the restored documents as the session's reports will (throws what they would throw). */
  checkReadable?: (docs: Readonly<Record<DocName, Y.Doc>>, participants: readonly StoredParticipant[]) => void,
): { id: string; title: string } {
  const restored = {} as Record<DocName, Y.Doc>;
  for (const name of DOC_NAMES) {
    try {
      restored[name] = restoreDocument(data.documents[name]);
    } catch (error) {
      // Yjs refuses some values JSON allows (an object whose own "constructor" key hides its
      // type): a refused file, before anything is written, not a 500 (found by tests/fuzz).
      throw new DomainError('invalid-session-export', `${name}: ${(error as Error).message}`, [`documents.${name}: a value cannot be stored (${(error as Error).message})`]);
    }
  }
  const participants: StoredParticipant[] = data.participants.map((p) => ({
    id: p.ref,
    name: p.anonymous ? null : (p.name ?? null),
    role: p.role,
    anonymous: p.anonymous,
    createdAt: p.joinedAt,
    revokedAt: p.removedAt,
    // A hash of a random token thrown away at once: the row exists, nobody can sign in as it.
    tokenHash: hashToken(`${randomToken()}${randomBytes(8).toString('hex')}`),
  }));
  // The documents are checked field by field only where the import knows their shape (agenda,
  // notes, groups); anything else a report cannot read would be stored and then be a 500 on every
  // export (found by tests/fuzz: seven-questions results, instrument steps). So the report is
  // built once from the restored documents before anything is written.
  try {
    checkReadable?.(restored, participants);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('invalid-session-export', `unreadable: ${(error as Error).message}`, [`documents: the session's report cannot be made from this file (${(error as Error).message})`]);
  }
  const docs = DOC_NAMES.map((name) => {
    const update = Y.encodeStateAsUpdate(restored[name]);
    restored[name].destroy();
    return { doc: name, data: update };
  });
  // Checked before anything is written: a link refused after the session was created would leave
  // the session stored behind a refusal (found by tests/fuzz at the 200th import of one improvement).
  if (improvements) {
    const problems = linkProblems(improvements, data);
    if (problems.length > 0) throw new DomainError('invalid-session-export', 'improvement links', problems.slice(0, 20));
  }
  const summary = createImportedSession(manager, { title: data.session.title, createdAt: data.session.createdAt, updates: docs, participants });
  if (improvements) {
    for (const improvement of data.improvements) {
      const id = improvements.store.directory.exists(improvement.id) ? improvement.id : improvements.importFile(JSON.stringify({ format: 'samskapa-improvement', version: 1, exportedAt: now, improvement }), now).id;
      improvements.linkSession(id, summary.id, now);
    }
  }
  return { id: summary.id, title: summary.title };
}
