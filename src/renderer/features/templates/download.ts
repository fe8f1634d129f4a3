/** Saving a template file: the shell's save dialog in the Samskapa window, else an <a download>. */
import { saveFile } from '../../ui/save-file';

/** Resolves to false when the facilitator cancelled the save dialog. */
export function saveTextFile(fileName: string, text: string, type = 'application/json'): Promise<boolean> {
  return saveFile(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** "kartlaggning-av-vardflode.samskapa-mall.json": the id is already a safe file name. */
export function templateFileName(id: string): string {
  return `${id}.samskapa-template.json`;
}
