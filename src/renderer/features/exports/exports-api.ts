/**
 * Export and import calls (docs/host-api.md, "Exports"). Files come back as a Blob and leave either
 * through the Electron shell's native save dialog or an <a download> click: no secure-context APIs,
 * so this works on plain http over the LAN and in the Samskapa window alike.
 */
import { ExportCheckSchema } from '../../../contracts/exports';
import type { CsvKind, CsvSeparator, ExportCheck, ExportFormat } from '../../../contracts/exports';
import { SessionSummarySchema } from '../../../contracts/http';
import type { SessionSummary } from '../../../contracts/http';
import { ApiError, isErrorCode } from '../../api/api-error';
import { request } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { shell } from '../../shell';

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

/** The file name the host chose: `filename*` (UTF-8, Swedish letters kept), else the ASCII `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A broken encoding: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  return new ApiError(isErrorCode(body.error) ? body.error : 'unknown', response.status);
}

/**
 * Fetches the export and saves it. Resolves to the file name, or null when the facilitator
 * cancelled the native save dialog.
 */
export async function downloadExport(token: string, sessionId: string, r: ExportRequest): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(exportPath(sessionId, r), { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': r.lang }, cache: 'no-store' });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await errorOf(response);
  const name = fileNameOf(response.headers.get('content-disposition'), `samskapa.${r.format === 'archive' ? 'samskapa' : r.format}`);
  const blob = await response.blob();
  if (shell) {
    const path = await shell.saveFile(name, new Uint8Array(await blob.arrayBuffer()));
    return path === null ? null : name;
  }
  saveBlob(blob, name);
  return name;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
