/**
 * Export and import calls (docs/host-api.md, "Exports"). Files come back as a Blob and leave
 * through ui/save-file: the Electron shell's native save dialog, else an <a download> click.
 */
import { ExportCheckSchema } from '../../../contracts/exports';
import type { CsvKind, CsvSeparator, ExportCheck, ExportFormat } from '../../../contracts/exports';
import { SessionSummarySchema } from '../../../contracts/http';
import type { SessionSummary } from '../../../contracts/http';
import { ApiError, isErrorCode } from '../../api/api-error';
import { fetchFile, request } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { saveFile } from '../../ui/save-file';

export type ExportChoice = ExportFormat | 'archive';

export interface ExportRequest {
  readonly format: ExportChoice;
  readonly lang: 'sv' | 'en';
  readonly kind: CsvKind;
  readonly separator: CsvSeparator;
  readonly mask: boolean;
}

/** The host path of an export request. */
export function exportPath(sessionId: string, r: ExportRequest): string {
  const id = encodeURIComponent(sessionId);
  if (r.format === 'archive') return `/api/sessions/${id}/archive`;
  const query = new URLSearchParams({ format: r.format, lang: r.lang });
  if (r.format === 'csv') {
    query.set('kind', r.kind);
    query.set('separator', r.separator);
  }
  if (r.mask) query.set('scrub', 'mask');
  return `/api/sessions/${id}/export?${query.toString()}`;
}

/**
 * Fetches the export and saves it. Resolves to the file name, or null when the facilitator
 * cancelled the native save dialog.
 */
export async function downloadExport(token: string, sessionId: string, r: ExportRequest): Promise<string | null> {
  const fallbackName = `samskapa.${r.format === 'archive' ? 'samskapa' : r.format}`;
  const file = await fetchFile(exportPath(sessionId, r), { token, lang: r.lang, fallbackName });
  return (await saveFile(file.blob, file.name)) ? file.name : null;
}

export function checkExport(token: string, sessionId: string, lang: 'sv' | 'en'): Promise<ExportCheck> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/export/check?lang=${lang}`, { token, schema: ExportCheckSchema });
}

/** What an import refused, with the host's details (each problem of the file). */
export class ImportRefused extends ApiError {
  constructor(
    code: ApiError['code'],
    status: number,
    readonly details: readonly string[],
  ) {
    super(code, status);
  }
}

const SQLITE_MAGIC = 'SQLite format 3';

/**
 * Imports a session file: an archive (a .samskapa file, SQLite inside) or a JSON export. The name
 * decides when it says .samskapa or .json (so a damaged archive is refused as an archive), the
 * content otherwise.
 */
export async function importSessionFile(token: string, file: File): Promise<SessionSummary> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  const isArchive = name.endsWith('.samskapa') || (!name.endsWith('.json') && new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_MAGIC.length)) === SQLITE_MAGIC);
  let response: Response;
  try {
    response = await fetch(isArchive ? '/api/sessions/import-archive' : '/api/sessions/import', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': currentLanguage(), 'Content-Type': isArchive ? 'application/octet-stream' : 'application/json' },
      body: bytes,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; details?: unknown };
  if (!response.ok) {
    const details = Array.isArray(body.details) ? body.details.filter((d): d is string => typeof d === 'string') : [];
    throw new ImportRefused(isErrorCode(body.error) ? body.error : 'unknown', response.status, details);
  }
  const parsed = SessionSummarySchema.safeParse(body);
  if (!parsed.success) throw new ApiError('unknown', response.status);
  return parsed.data;
}
