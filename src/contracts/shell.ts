/**
 * What the Electron preload exposes to the renderer as `window.samskapaShell`.
 * Absent in a plain browser: the renderer then reads the facilitator token from `#token=`.
 */
export interface ShellApi {
  /** The host's facilitator token, handed over without ever appearing in a URL. */
  facilitatorToken(): Promise<string>;
  /** Native save dialog; resolves to the chosen path, or null if cancelled. */
  saveFile(suggestedName: string, data: Uint8Array): Promise<string | null>;
}

/** IPC channel names: one per ShellApi method, validated by the main process. */
export const SHELL_CHANNELS = {
  facilitatorToken: 'samskapa:facilitator-token',
  saveFile: 'samskapa:save-file',
} as const;
