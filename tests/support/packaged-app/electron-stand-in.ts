/**
 * A stand-in for the `electron` module, so that a packaged app's main bundle runs under plain Node
 * (tests/integration/packaged-app.test.ts, through run-packaged-main.ts). It records what the app
 * registers and creates — the IPC handlers, the windows and the pages they load, the permission handler,
 * error boxes — and plays the app's life: ready at once, `will-quit` on quit, `exit` on exit.
 * Only what src/main uses is here; anything else is missing on purpose, so a new use shows up as a failure.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

export interface StandInPaths {
  /** The unpacked app.asar (Electron: `resources/app.asar`). */
  appPath: string;
  /** `app.getPath('userData')`. */
  userData: string;
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class StandInWebContents extends EventEmitter {
  windowOpenHandler: unknown = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  setWindowOpenHandler(handler: unknown): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** What the app did, read by the runner. */
export const standIn = {
  paths: null as StandInPaths | null,
  handlers: new Map<string, Handler>(),
  windows: [] as BrowserWindow[],
  errorBoxes: [] as string[],
  permissionHandlerSet: false,
  permissionCheckHandlerSet: false,
  devicePermissionHandlerSet: false,
  /** protocol.registerSchemesAsPrivileged and protocol.handle. */
  privilegedSchemes: [] as { scheme: string }[],
  protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  /** Web contents hardened through app.on('web-contents-created'). */
  webContentsCreated: 0,
  openedExternally: [] as string[],
  /** `exit` (code): the app called app.exit. */
  events: new EventEmitter(),
};

function paths(): StandInPaths {
  if (!standIn.paths) throw new Error('electron stand-in: paths not set before the app started');
  return standIn.paths;
}

const appEvents = new EventEmitter();

export const app = {
  isPackaged: true,
  getAppPath: () => paths().appPath,
  getPath(name: string): string {
    if (name === 'userData') return paths().userData;
    throw new Error(`electron stand-in: app.getPath(${JSON.stringify(name)}) is not provided`);
  },
  getVersion: () => (JSON.parse(fs.readFileSync(path.join(paths().appPath, 'package.json'), 'utf8')) as { version: string }).version,
  requestSingleInstanceLock: () => true,
  hasSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  on(event: string, listener: (...args: unknown[]) => void) {
    appEvents.on(event, listener);
    return app;
  },
  /** As Electron: `will-quit` first; the process ends unless a listener prevents it (then it calls app.exit itself). */
  quit(): void {
    let prevented = false;
    appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) app.exit(0);
  },
  exit(code = 0): void {
    standIn.events.emit('exit', code);
  },
};

export class BrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  loadedUrl: string | null = null;
  shown = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    standIn.windows.push(this);
    // As Electron: every new web contents is announced, so the app can harden it.
    standIn.webContentsCreated++;
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (standIn.handlers.has(channel)) throw new Error(`electron stand-in: a second handler for ${channel}`);
    standIn.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    standIn.handlers.delete(channel);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(): void {
      standIn.permissionHandlerSet = true;
    },
    setPermissionCheckHandler(): void {
      standIn.permissionCheckHandlerSet = true;
    },
    setDevicePermissionHandler(): void {
      standIn.devicePermissionHandlerSet = true;
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string }[]): void {
    standIn.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    standIn.protocolHandlers.set(scheme, handler);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    standIn.errorBoxes.push(`${title}: ${content}`);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    standIn.openedExternally.push(url);
    return Promise.resolve();
  },
};

export default { app, BrowserWindow, ipcMain, protocol, session, dialog, shell };
