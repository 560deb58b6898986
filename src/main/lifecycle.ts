import type { App, BrowserWindow, IpcMain, Session } from 'electron';
import type { Core } from '../core/create-core';

/** What the shell needs of the core: the local app (`openLocalApp`) switches cores behind these on a restore. */
export type ShellCore = Pick<Core, 'invoke' | 'subscribe' | 'close'>;
import { forwardEvents, registerIpcSeam } from './ipc';
import { createMainWindow, hardenWebContents, type BrowserWindowConstructor, type WindowSource } from './window';

export interface DesktopDeps {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady'>;
  BrowserWindow: BrowserWindowConstructor;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  defaultSession: () => Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
  /** Starts serving the page's scheme (`protocol.handle('app', …)`); runs once the app is ready, before the window. */
  serveApp: () => void;
  openCore: () => Promise<ShellCore>;
  preloadPath: string;
  source: WindowSource;
  onFatal: (error: unknown) => void;
  /** The system browser, for web links clicked in the app. */
  openExternal?: (url: string) => void;
}

/**
 * The desktop app's life: one instance per data directory, one window, the IPC seam, and a clean
 * database close before the process ends.
 */
export function runDesktopApp(deps: DesktopDeps): { ready: Promise<void> } {
  const { app } = deps;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }
  let window: BrowserWindow | null = null;
  let core: ShellCore | null = null;
  let closed = false;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Every web contents, not only the window's: anything the app or Chromium creates later gets the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.source.urlPrefix, deps.openExternal));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing.close().finally(() => {
      closed = true;
      app.exit(0);
    });
  });

  const ready = app.whenReady().then(async () => {
    try {
      // The app needs no permission at all (reading aloud uses speechSynthesis, which asks for none): no camera,
      // microphone, notifications, clipboard reading, geolocation, MIDI, USB, HID or serial — asked or checked.
      const session = deps.defaultSession();
      session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      session.setPermissionCheckHandler(() => false);
      session.setDevicePermissionHandler(() => false);
      deps.serveApp();
      core = await deps.openCore();
      registerIpcSeam(deps.ipcMain, core.invoke, deps.source.urlPrefix);
      window = createMainWindow(deps.BrowserWindow, deps.preloadPath, deps.source);
      const contents = window.webContents;
      forwardEvents(core.subscribe, contents);
      window.on('closed', () => {
        window = null;
      });
    } catch (error) {
      deps.onFatal(error);
    }
  });
  return { ready };
}
