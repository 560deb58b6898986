import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../shared/contract';
import type { InvokeResult } from '../shared/errors';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/seam';
import { forwardEvents, isTrustedSender, registerIpcSeam } from './ipc';
import { runDesktopApp, type DesktopDeps } from './lifecycle';
import { hardenWebContents, secureWebPreferences } from './window';

const APP_URL = 'app://teacher-ai/index.html';
const APP_PREFIX = 'app://teacher-ai/';

type Handler = (event: unknown, ...args: unknown[]) => Promise<InvokeResult>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

const frame = (url: string, parent: unknown = null) => ({ url, parent });

describe('IPC seam', () => {
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender(frame(APP_URL) as never, APP_PREFIX)).toBe(true);
    expect(isTrustedSender(frame(`${APP_URL}#/chat`) as never, APP_PREFIX)).toBe(true);
    expect(isTrustedSender(frame(APP_URL, {}) as never, APP_PREFIX)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/') as never, APP_PREFIX)).toBe(false);
    expect(isTrustedSender(frame('app://teacher-ai.evil.example/index.html') as never, APP_PREFIX)).toBe(false);
    expect(isTrustedSender(frame('file:///opt/teacher-ai/out/renderer/index.html') as never, APP_PREFIX)).toBe(false);
    expect(isTrustedSender(null, APP_PREFIX)).toBe(false);
  });

  it('refuses calls from another sender without reaching the core', async () => {
    const ipcMain = fakeIpcMain();
    const invoke = vi.fn(async (): Promise<InvokeResult> => ({ ok: true, value: 1 }));
    registerIpcSeam(ipcMain as never, invoke, APP_PREFIX);
    const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;

    const refused = await handler({ senderFrame: frame('https://evil.example/') }, 'courses.list', undefined);
    const accepted = await handler({ senderFrame: frame(APP_URL) }, 'courses.list', { a: 1 });

    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('courses.list', { a: 1 });
    expect(accepted).toEqual({ ok: true, value: 1 });
  });

  it('forwards core events to a live window and stops when it is destroyed', () => {
    const listeners: ((event: CoreEvent) => void)[] = [];
    const subscribe = (listener: (event: CoreEvent) => void) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    };
    const contents = Object.assign(new EventEmitter(), { send: vi.fn(), isDestroyed: () => false });
    forwardEvents(subscribe, contents as never);
    const event: CoreEvent = { name: 'progress.changed', payload: { courseId: crypto.randomUUID() } };
    listeners.forEach((l) => l(event));
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    contents.emit('destroyed');
    expect(listeners).toHaveLength(0);
  });
});

describe('window security', () => {
  it('isolates the page: context isolation, sandbox, no Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('denies new windows, navigation away and webviews', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    const opened: string[] = [];
    hardenWebContents(contents as never, APP_PREFIX, (url) => opened.push(url));
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    // Web links go to the system browser; nothing ever opens inside the app, and other schemes go nowhere.
    for (const url of ['https://ru.wikipedia.org/wiki/Дробь', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'teacher-ai://x']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://ru.wikipedia.org/wiki/Дробь', 'http://example.com/']);

    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.com/');
    const toFile = { preventDefault: vi.fn() };
    contents.emit('will-navigate', toFile, 'file:///etc/passwd');
    const redirected = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirected, 'http://127.0.0.1:8080/');
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, `${APP_URL}#/courses`);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);

    expect(away.preventDefault).toHaveBeenCalled();
    expect(toFile.preventDefault).toHaveBeenCalled();
    expect(redirected.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

function fakeDesktop(hasLock: boolean) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => hasLock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const windows: FakeWindow[] = [];
  const steps: string[] = [];
  const fakeContents = () => Object.assign(new EventEmitter(), { send: vi.fn(), isDestroyed: () => false, setWindowOpenHandler: vi.fn() });
  class FakeWindow extends EventEmitter {
    webContents = fakeContents();
    loadURL = vi.fn(async () => void steps.push('loadURL'));
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    show = vi.fn();
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
      // As Electron does: every new web contents is announced on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  const core = { invoke: vi.fn(), subscribe: vi.fn(() => () => {}), close: vi.fn(async () => {}) };
  const ipcMain = fakeIpcMain();
  const permissionHandler = vi.fn();
  const permissionCheck = vi.fn();
  const devicePermission = vi.fn();
  const deps: DesktopDeps = {
    app: app as never,
    BrowserWindow: FakeWindow as never,
    ipcMain: ipcMain as never,
    defaultSession: () =>
      ({ setPermissionRequestHandler: permissionHandler, setPermissionCheckHandler: permissionCheck, setDevicePermissionHandler: devicePermission }) as never,
    serveApp: vi.fn(() => void steps.push('serveApp')),
    openCore: vi.fn(async () => core as never),
    preloadPath: '/app/preload.cjs',
    source: { url: APP_URL, urlPrefix: APP_PREFIX },
    onFatal: vi.fn(),
  };
  return { app, windows, core, ipcMain, deps, permissionHandler, permissionCheck, devicePermission, steps, fakeContents };
}

describe('desktop lifecycle', () => {
  it('a second instance quits without opening the data directory', async () => {
    const { app, deps } = fakeDesktop(false);
    await runDesktopApp(deps).ready;
    expect(app.quit).toHaveBeenCalled();
    expect(deps.openCore).not.toHaveBeenCalled();
  });

  it('opens the core, registers the seam and one secure window, and closes the database before exiting', async () => {
    const { app, windows, core, ipcMain, deps, permissionHandler } = fakeDesktop(true);
    await runDesktopApp(deps).ready;

    expect(deps.openCore).toHaveBeenCalledTimes(1);
    expect(ipcMain.handlers.has(IPC_INVOKE_CHANNEL)).toBe(true);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(windows[0]!.loadURL).toHaveBeenCalledWith(APP_URL);
    expect(core.subscribe).toHaveBeenCalled();
    const deny = vi.fn();
    permissionHandler.mock.calls[0]![0](null, 'media', deny);
    expect(deny).toHaveBeenCalledWith(false);

    const quitEvent = { preventDefault: vi.fn() };
    app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('serves the app scheme before the window loads it, and denies every permission, asked or checked', async () => {
    const { windows, deps, permissionHandler, permissionCheck, devicePermission, steps } = fakeDesktop(true);
    await runDesktopApp(deps).ready;
    expect(steps).toEqual(['serveApp', 'loadURL']);
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://teacher-ai/index.html');
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'midiSysex', 'fullscreen', 'openExternal']) {
      const answer = vi.fn();
      permissionHandler.mock.calls[0]![0](null, permission, answer, {});
      expect(answer).toHaveBeenCalledWith(false);
      expect(permissionCheck.mock.calls[0]![0](null, permission, APP_PREFIX, {})).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) expect(devicePermission.mock.calls[0]![0]({ deviceType, origin: APP_PREFIX })).toBe(false);
  });

  it('hardens every web contents the app creates, not only the window’s', async () => {
    const { app, windows, deps, fakeContents } = fakeDesktop(true);
    const opened: string[] = [];
    deps.openExternal = (url) => opened.push(url);
    await runDesktopApp(deps).ready;
    expect(windows[0]!.webContents.setWindowOpenHandler).toHaveBeenCalled();

    // A web contents made later (a devtools page, a frame's own contents, whatever Chromium creates).
    const later = fakeContents();
    app.emit('web-contents-created', {}, later);
    const openHandler = later.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
    const away = { preventDefault: vi.fn() };
    later.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    later.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('reports a core that cannot open instead of leaving a blank window', async () => {
    const { deps, windows } = fakeDesktop(true);
    deps.openCore = vi.fn(async () => {
      throw new Error('disk full');
    });
    await runDesktopApp(deps).ready;
    expect(deps.onFatal).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });
});

describe('preload', () => {
  it('exposes exactly two functions on window.teacher', async () => {
    const exposed: Record<string, unknown> = {};
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() };
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer,
    }));
    await import('../preload/index');
    const bridge = exposed.teacher as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(exposed)).toEqual(['teacher']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);

    await bridge.invoke!('courses.list', undefined);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'courses.list', undefined);
    const stop = bridge.subscribe!(() => {}) as () => void;
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, ipcRenderer.on.mock.calls[0]![1]);
    vi.doUnmock('electron');
  });
});
