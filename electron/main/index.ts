/**
 * The Electron shell: one instance, one host child process, one facilitator window.
 *
 *   whenReady → start host (host-process.ts) → session policy (CSP, permissions)
 *             → IPC handlers (shell-handlers.ts) → BrowserWindow at the host URL
 *   quit      → stop the host (SIGTERM: it flushes and closes its session files) → exit
 *
 * The facilitator token reaches the page only through `samskapaShell.facilitatorToken()`,
 * never in a URL. Every policy decision lives in security.ts, where tests can read it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { hostArgsFromArgv, startHostProcess, type HostProcess } from './host-process';
import {
  PRELOAD_RELATIVE_PATH,
  isAllowedNavigation,
  isProjectorWindow,
  isExternalWebLink,
  isPermissionAllowed,
  secureWebPreferences,
  withContentSecurityPolicy,
} from './security';
import { createShellHandlers, registerShellHandlers } from './shell-handlers';

/** The same default port as `npm start` in browser mode, so participants' URLs survive restarts. */
const DEFAULT_PORT = '47180';
const here = fileURLToPath(new URL('.', import.meta.url));

let host: HostProcess | undefined;
let hostOrigin: string | undefined;
let mainWindow: BrowserWindow | undefined;
let quitting = false;

if (app.requestSingleInstanceLock()) {
  main();
} else {
  app.quit();
}

function main(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  // The window is the workshop: closing it ends the app and, with it, the host.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    quitting = true;
    if (!host) return;
    event.preventDefault();
    const stopping = host;
    host = undefined;
    void stopping.stop().finally(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const args = hostArgsFromArgv(process.argv.slice(1));
  if (!args.includes('--port')) args.push('--port', DEFAULT_PORT);
  const started = await startHostProcess({ hostScript: join(here, 'host.js'), args });
  host = started;
  hostOrigin = started.origin;
  void started.exited.then((code) => {
    if (!quitting) fatal(new Error(`The Samskapa host stopped unexpectedly (exit code ${code}).`));
  });
  applySessionPolicy(started.origin);
  registerShellHandlers(
    createShellHandlers({ facilitatorToken: started.facilitatorToken, window: () => mainWindow }),
    started.origin,
  );
  await openWindow(started.url);
}

function applySessionPolicy(origin: string): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders, origin) });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origin),
  );
}

/** Applied to every webContents: stay on the host origin, no new windows, no webviews. */
function guardContents(contents: WebContents): void {
  const refuseOffOrigin = (event: { preventDefault(): void }, url: string) => {
    if (hostOrigin && isAllowedNavigation(url, hostOrigin)) return;
    event.preventDefault();
    openExternally(url);
  };
  contents.on('will-navigate', (event) => refuseOffOrigin(event, event.url));
  contents.on('will-redirect', (event) => refuseOffOrigin(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (hostOrigin && isProjectorWindow(url, hostOrigin)) {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          title: 'Samskapa',
          backgroundColor: '#101418',
          webPreferences: secureWebPreferences(join(here, PRELOAD_RELATIVE_PATH)),
        },
      };
    }
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Plain web links off the host origin open in the user's browser; anything else is dropped. */
function openExternally(url: string): void {
  if (hostOrigin && isExternalWebLink(url, hostOrigin)) void shell.openExternal(url);
}

async function openWindow(url: string): Promise<void> {
  const icon = join(app.getAppPath(), 'resources', 'icon.png');
  const win = new BrowserWindow({
    title: 'Samskapa',
    width: 1280,
    height: 832,
    minWidth: 720,
    minHeight: 540,
    show: false,
    backgroundColor: '#ffffff',
    ...(existsSync(icon) ? { icon } : {}),
    webPreferences: secureWebPreferences(join(here, PRELOAD_RELATIVE_PATH)),
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  await win.loadURL(url);
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  if (app.isReady()) dialog.showErrorBox('Samskapa', message);
  quitting = true;
  const stopping = host;
  host = undefined;
  void (stopping ? stopping.stop() : Promise.resolve(null)).finally(() => app.exit(1));
}
