import type { ExportFormat } from '../../contracts/exports';

/**
 * The export formats (issue #6): media type and file extension of each. Archives are the session's
 * SQLite file; `.samskapa` is the same extension the data folder uses.
 */
export interface FormatInfo {
  readonly contentType: string;
  readonly extension: string;
}

export const FORMATS: Readonly<Record<ExportFormat | 'archive', FormatInfo>> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  archive: { contentType: 'application/vnd.sqlite3', extension: 'samskapa' },
};

/**
 * A file name a person recognises in their Downloads folder: "<title> <date>[ <part>].<ext>",
 * Swedish letters kept. Characters no file system accepts are removed, length kept modest.
 */
export function exportFileName(title: string, date: string, extension: string, part?: string): string {
  const clean = (text: string): string =>
    text
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '');
  const base = clean(title).slice(0, 80).trim() || 'Samskapa';
  return `${[base, date, part ? clean(part) : ''].filter(Boolean).join(' ')}.${extension}`;
}

/** The same name in ASCII for old clients: å→a, ö→o, é→e; anything else outside ASCII becomes "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
