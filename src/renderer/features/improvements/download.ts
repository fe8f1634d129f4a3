/**
 * Saves a Blob as a file through a temporary `<a download>`: works in any browser context,
 * secure or not (no File System Access API), and in Electron, which turns it into a save dialog.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start the download after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: letters (å, ä, ö too), digits and dashes. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'forbattringsarbete'}.${extension}`;
}
