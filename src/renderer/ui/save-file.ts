/**
 * Saving a file the facilitator asked for (an export, a handout, a template, a chart image). In a
 * browser it leaves through a Blob and an <a download> click, which works without a secure context
 * (a LAN address over plain http), unlike the File System Access API; Electron turns that click
 * into its save dialog. `saveFile` uses the shell's native save dialog directly when there is one.
 */
import { shell } from '../shell';

/** Saves a Blob through a temporary, hidden `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start the download after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The shell's save dialog in the Samskapa window, else `saveBlob`. Resolves to false when the
 * facilitator cancelled the save dialog.
 */
export async function saveFile(blob: Blob, fileName: string): Promise<boolean> {
  if (shell) {
    const path = await shell.saveFile(fileName, new Uint8Array(await blob.arrayBuffer()));
    return path !== null;
  }
  saveBlob(blob, fileName);
  return true;
}

/** A safe file-name stem from a title: letters (å, ä, ö too), digits and dashes; `fallback` when none is left. */
export function fileStem(title: string, fallback: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || fallback;
}
