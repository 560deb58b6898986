/**
 * The desktop entry (src/main/index.ts) run under a stand-in `electron` module, as an installed app
 * (`app.isPackaged`): what it registers before the app is ready, the page it loads, and the seam it opens.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../shared/seam';
import { ROOT } from '../../tests/support/test-databases';

const fake = {
  steps: [] as string[],
  windows: [] as { options: unknown; url?: string }[],
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocols: new Map<string, (request: Request) => Response>(),
  session: { request: undefined as unknown, check: undefined as unknown, device: undefined as unknown },
  exited: [] as number[],
};

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-main-'));
const resources = path.join(stage, 'resources');
fs.mkdirSync(resources);
fs.symlinkSync(path.join(ROOT, 'drizzle'), path.join(resources, 'drizzle'));
fs.symlinkSync(path.join(ROOT, 'resources'), path.join(resources, 'resources'));
// A copy, not a link: the first start copies the template, and a copied link would open the shared template itself.
if (fs.existsSync(path.join(ROOT, 'out/db-template'))) fs.cpSync(path.join(ROOT, 'out/db-template'), path.join(resources, 'db-template'), { recursive: true });
(process as { resourcesPath?: string }).resourcesPath = resources;
process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';

function standInElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    getAppPath: () => ROOT,
    getPath: () => path.join(stage, 'userData'),
    getVersion: () => '9.9.9',
    requestSingleInstanceLock: () => true,
    hasSingleInstanceLock: () => false, // no updater in this test
    quit: () => {},
    exit: (code: number) => fake.exited.push(code),
    whenReady: () => {
      fake.steps.push('whenReady');
      return Promise.resolve();
    },
  });
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { send: () => {}, isDestroyed: () => false, setWindowOpenHandler: () => {} });
    constructor(readonly options: unknown) {
      super();
      fake.windows.push(this as never);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      fake.steps.push('loadURL');
      (this as unknown as { url: string }).url = url;
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, text: string) => fake.steps.push(`error: ${text}`) },
    ipcMain: { handle: (channel: string, handler: never) => fake.handlers.set(channel, handler), removeHandler: () => {} },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => fake.steps.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Response) => {
        fake.steps.push(`handle ${scheme}`);
        fake.protocols.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => (fake.session.request = handler),
        setPermissionCheckHandler: (handler: unknown) => (fake.session.check = handler),
        setDevicePermissionHandler: (handler: unknown) => (fake.session.device = handler),
      },
    },
    shell: { openExternal: () => {} },
  };
}

afterAll(() => fs.rmSync(stage, { recursive: true, force: true }));

describe('the desktop entry, packaged', () => {
  it('registers app:// before ready, serves it, loads it whatever ELECTRON_RENDERER_URL says, and runs owner-only', async () => {
    const electron = standInElectron();
    vi.doMock('electron', () => electron);
    vi.doMock('electron-updater', () => ({ default: { autoUpdater: {} } }));
    const { app } = electron;
    await import('./index');
    // The core opens its PGlite first (WASM compile, migrations): seconds, more on a busy machine.
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 60_000 });
    const errors = fake.steps.filter((step) => step.startsWith('error'));
    expect(errors).toEqual([]);

    expect(fake.steps.filter((s) => !s.startsWith('error'))).toEqual([
      'registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
      'whenReady',
      'handle app',
      'loadURL',
    ]);
    expect(fake.windows[0]!.url).toBe('app://teacher-ai/index.html');
    if (process.platform !== 'win32') expect(process.umask()).toBe(0o077);

    // The registered scheme serves the renderer folder and nothing outside it.
    const serve = fake.protocols.get('app')!;
    expect(serve(new Request('app://teacher-ai/index.html')).status).toBe(200);
    expect(serve(new Request('app://teacher-ai/%2e%2e/main/index.ts')).status).toBe(404);

    // Permissions: none.
    const answer = vi.fn();
    (fake.session.request as (...args: unknown[]) => void)(null, 'media', answer, {});
    expect(answer).toHaveBeenCalledWith(false);
    expect((fake.session.check as (...args: unknown[]) => boolean)(null, 'clipboard-read', 'app://teacher-ai/', {})).toBe(false);
    expect((fake.session.device as (...args: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);

    // The seam answers the app page and nobody else — a file:// page included.
    const invoke = fake.handlers.get(IPC_INVOKE_CHANNEL)!;
    const fromApp = (await invoke({ senderFrame: { url: 'app://teacher-ai/index.html#/courses', parent: null } }, 'app.info')) as { ok: boolean };
    expect(fromApp.ok).toBe(true);
    const fromFile = await invoke({ senderFrame: { url: `file://${ROOT}/out/renderer/index.html`, parent: null } }, 'app.info');
    expect(fromFile).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromDevServer = await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info');
    expect(fromDevServer).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Quitting closes the database before the process exits.
    app.emit('will-quit', { preventDefault: () => {} });
    await vi.waitFor(() => expect(fake.exited).toEqual([0]), { timeout: 20_000 });
  }, 120_000);
});
