/**
 * The facilitator's safety calls (Bearer facilitator token): who joined and removing someone, a new
 * join code, and the session's automatic backups (docs/SECURITY.md, "Access" and "Never lose data").
 */
import {
  BackupSummarySchema,
  ParticipantSummarySchema,
  SessionSummarySchema,
  ShareResponseSchema,
  type BackupSummary,
  type ParticipantSummary,
  type SessionSummary,
  type ShareResponse,
} from '../../contracts/http';
import { arrayOf, okParser, request } from './client';

function sessionPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}

/** Everyone who joined, removed people included (`removed: true`); anonymous people have no name. */
export function listParticipants(token: string, sessionId: string): Promise<ParticipantSummary[]> {
  return request('GET', `${sessionPath(sessionId)}/participants`, {
    token,
    schema: arrayOf(ParticipantSummarySchema),
  });
}

/** Revokes the person's token and closes their connections (4411); what they wrote stays. */
export function removeParticipant(token: string, sessionId: string, participantId: string): Promise<void> {
  return request('DELETE', `${sessionPath(sessionId)}/participants/${encodeURIComponent(participantId)}`, {
    token,
    schema: okParser,
  }).then(() => undefined);
}

/** A new code and link; the old ones stop working at once. People already in are not affected. */
export function regenerateCode(token: string, sessionId: string): Promise<ShareResponse> {
  return request('POST', `${sessionPath(sessionId)}/share/regenerate`, {
    token,
    body: {},
    schema: ShareResponseSchema,
  });
}

/** The session's backups, newest first. */
export function listBackups(token: string, sessionId: string): Promise<BackupSummary[]> {
  return request('GET', `${sessionPath(sessionId)}/backups`, {
    token,
    schema: arrayOf(BackupSummarySchema),
  });
}

/**
 * Replaces the session file by a backup, after backing up the current file ("before-restore").
 * Every connection is closed (1012) and reconnects; devices holding newer edits merge them back.
 */
export function restoreBackup(token: string, sessionId: string, name: string): Promise<SessionSummary> {
  return request('POST', `${sessionPath(sessionId)}/backups/${encodeURIComponent(name)}/restore`, {
    token,
    body: {},
    schema: SessionSummarySchema,
  });
}
