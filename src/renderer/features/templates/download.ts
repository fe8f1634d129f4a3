/**
 * Saves a file the facilitator asked for. In the Electron window: the native save dialog
 * (ShellApi.saveFile). In a browser: a Blob and an <a download>, which works without a secure
 * context (a LAN address over plain http), unlike the File System Access API.
 */
import { shell } from '../../shell';

/** Resolves to false when the facilitator cancelled the save dialog. */
export async function saveTextFile(fileName: string, text: string, type = 'application/json'): Promise<boolean> {
  if (shell) {
    const path = await shell.saveFile(fileName, new TextEncoder().encode(text));
    return path !== null;
  }
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** "kartlaggning-av-vardflode.samskapa-mall.json": the id is already a safe file name. */
export function templateFileName(id: string): string {
  return `${id}.samskapa-template.json`;
}
