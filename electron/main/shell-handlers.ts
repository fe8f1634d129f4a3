/**
 * The native-only handlers behind `window.samskapaShell` (ShellApi), one per SHELL_CHANNELS entry.
 *
 * Every call is checked twice before it runs: the sending frame must show the host origin
 * (`isTrustedSender`), and the arguments, which arrive as untyped structured-clone data, are
 * parsed into the ShellApi parameter types. A failed check throws, which rejects the renderer's
 * promise without running anything.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { SHELL_CHANNELS, type ShellApi } from '../../src/contracts/shell';
import { isTrustedSender, safeFileName } from './security';

/** The main-process side of ShellApi: same names, same parameters, same results. */
export type ShellHandlers = {
  [K in keyof ShellApi]: (...args: Parameters<ShellApi[K]>) => ReturnType<ShellApi[K]>;
};

/** Exports are documents and reports, never this large; anything bigger is a bug or abuse. */
const MAX_SAVE_BYTES = 256 * 1024 * 1024;

export interface ShellHandlerDeps {
  facilitatorToken: string;
  /** The window a native dialog belongs to, if it is still open. */
  window: () => BrowserWindow | undefined;
}

export function createShellHandlers(deps: ShellHandlerDeps): ShellHandlers {
  return {
    facilitatorToken: () => Promise.resolve(deps.facilitatorToken),
    saveFile: async (suggestedName, data) => {
      const options = {
        title: 'Samskapa',
        defaultPath: join(app.getPath('documents'), safeFileName(suggestedName)),
      };
      const win = deps.window();
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, data);
      return result.filePath;
    },
  };
}

/** Wires each handler to its channel; call once, after the host is ready. */
export function registerShellHandlers(handlers: ShellHandlers, hostOrigin: string): void {
  handle(SHELL_CHANNELS.facilitatorToken, hostOrigin, parseNoArgs, handlers.facilitatorToken);
  handle(SHELL_CHANNELS.saveFile, hostOrigin, parseSaveFileArgs, handlers.saveFile);
}

function handle<A extends unknown[], R>(
  channel: string,
  hostOrigin: string,
  parse: (args: unknown[]) => A,
  run: (...args: A) => Promise<R>,
): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame?.url, hostOrigin)) {
      throw new Error(`${channel}: refused, the sender is not the Samskapa host page`);
    }
    return run(...parse(args));
  });
}

function parseNoArgs(args: unknown[]): [] {
  if (args.length !== 0) throw new Error('expected no arguments');
  return [];
}

function parseSaveFileArgs(args: unknown[]): Parameters<ShellApi['saveFile']> {
  const [name, data] = args;
  if (args.length !== 2 || typeof name !== 'string' || !(data instanceof Uint8Array)) {
    throw new Error('saveFile(suggestedName: string, data: Uint8Array)');
  }
  if (data.byteLength > MAX_SAVE_BYTES) throw new Error('saveFile: the file is too large');
  return [name, data];
}
