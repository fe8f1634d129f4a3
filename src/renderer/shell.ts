/**
 * The Electron shell's API when the renderer runs in the Samskapa window; `undefined` in a
 * participant's browser. Decide on it once, here (AFFiNE electron-api idea).
 */
import type { ShellApi } from '../contracts/shell';

declare global {
  interface Window {
    readonly samskapaShell?: ShellApi;
  }
}

export const shell: ShellApi | undefined =
  typeof window !== 'undefined' ? window.samskapaShell : undefined;
