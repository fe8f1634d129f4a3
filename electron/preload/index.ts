/**
 * The preload: `window.samskapaShell`, one function per SHELL_CHANNELS entry.
 *
 * Sandboxed and context-isolated, built as CommonJS (out/preload/index.cjs). It exposes
 * functions only, never `ipcRenderer` itself, so the page can send nothing but these calls; the
 * main process still checks the sender's origin and each argument (shell-handlers.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { SHELL_CHANNELS, type ShellApi } from '../../src/contracts/shell';

const api = {
  facilitatorToken: (): Promise<string> => ipcRenderer.invoke(SHELL_CHANNELS.facilitatorToken),
  saveFile: (suggestedName: string, data: Uint8Array): Promise<string | null> =>
    ipcRenderer.invoke(SHELL_CHANNELS.saveFile, suggestedName, data),
} satisfies ShellApi;

contextBridge.exposeInMainWorld('samskapaShell', api);
