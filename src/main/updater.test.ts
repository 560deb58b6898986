import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_EVERY_MS,
  FIRST_CHECK_AFTER_MS,
  selfUpdateBlocker,
  startUpdates,
  type GenericFeed,
  type Installation,
  type UpdateLog,
  type Updater,
  type UpdateSettings,
} from './updater';

type CheckResult = Awaited<ReturnType<Updater['checkForUpdates']>>;

/** Behaves like electron-updater's AppUpdater where this module relies on it. */
class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = false;
  logger: UpdateLog | null = null;
  feeds: GenericFeed[] = [];
  checks = 0;
  /** What the next check does; by default there is no update. */
  answer: () => Promise<CheckResult> = async () => ({ downloadPromise: null });
  private _channel: string | null = null;

  constructor() {
    super();
    // AppUpdater logs its own error events through `logger`, so an `error` never goes unheard.
    this.on('error', (error: Error) => this.logger?.error(`Error: ${error.message}`));
  }

  get channel(): string | null {
    return this._channel;
  }
  set channel(value: string | null) {
    this._channel = value;
    this.allowDowngrade = true; // as AppUpdater does
  }

  setFeedURL(options: GenericFeed): void {
    this.feeds.push(options);
  }

  checkForUpdates(): Promise<CheckResult> {
    this.checks++;
    return this.answer().catch((error: Error) => {
      this.emit('error', error);
      throw error;
    });
  }
}

function fakeLog() {
  const lines: string[] = [];
  const log: UpdateLog = {
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
  return { log, lines };
}

const ON: UpdateSettings = { enabled: true, url: null };
const NSIS_INSTALL: Installation = {
  platform: 'win32',
  execPath: 'C:\\Users\\pupil\\AppData\\Local\\Programs\\Teacher AI\\Teacher AI.exe',
  exists: (file: string) => file === 'C:\\Users\\pupil\\AppData\\Local\\Programs\\Teacher AI\\Uninstall Teacher AI.exe',
};

function start(settings: UpdateSettings, options: { updater?: FakeUpdater; installation?: Installation } = {}) {
  const updater = options.updater ?? new FakeUpdater();
  const { log, lines } = fakeLog();
  const load = vi.fn(() => updater);
  const handle = startUpdates(settings, { load, log, ...(options.installation ? { installation: options.installation } : {}) });
  stops.push(handle.stop);
  return { updater, load, lines, handle };
}

const stops: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

describe('automatic updates', () => {
  it('never loads the updater or checks when updates are off', async () => {
    const { updater, load, lines } = start({ enabled: false, url: null, reason: 'no update server is configured' });
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(load).not.toHaveBeenCalled();
    expect(updater.checks).toBe(0);
    expect(lines).toEqual(['info Updates are off: no update server is configured.']);
  });

  it('checks shortly after start, then every few hours, downloading in the background and installing on quit', async () => {
    const { updater, load, handle } = start(ON);
    expect(load).not.toHaveBeenCalled(); // nothing slows the start itself
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.checks).toBe(1);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(CHECK_EVERY_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);

    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(updater.checks).toBe(4);
    expect(load).toHaveBeenCalledTimes(1);

    handle.stop();
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(updater.checks).toBe(4);
  });

  it('uses the address built into the app when no url is given', async () => {
    const { updater } = start(ON);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.feeds).toEqual([]);
    expect(updater.channel).toBeNull();
  });

  it('points the updater at the school server with the generic provider', async () => {
    const { updater, lines } = start({ enabled: true, url: 'https://updates.school.example/teacher-ai', channel: 'beta' });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.school.example/teacher-ai', channel: 'beta' }]);
    expect(updater.checks).toBe(1);
    expect(lines[0]).toMatch(/^info Updates are on: https:\/\/updates\.school\.example\/teacher-ai, channel beta/);
  });

  it('follows a channel on the built-in server without ever allowing a downgrade', async () => {
    const { updater } = start({ enabled: true, url: null, channel: 'beta' });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.feeds).toEqual([]);
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
  });

  it('logs a failed check when offline, never throws, and tries again at the next check', async () => {
    const updater = new FakeUpdater();
    updater.answer = () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    const { lines } = start(ON, { updater });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(lines).toContainEqual(expect.stringMatching(/^warn Update check failed .*next try in 4 h: net::ERR_INTERNET_DISCONNECTED/));
    expect(lines).toContainEqual('error electron-updater: Error: net::ERR_INTERNET_DISCONNECTED');

    updater.answer = async () => ({ downloadPromise: null });
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.checks).toBe(2);
  });

  it('logs a failed background download without an unhandled rejection', async () => {
    const updater = new FakeUpdater();
    updater.answer = async () => ({ downloadPromise: Promise.reject(new Error('socket hang up')) });
    const { lines } = start(ON, { updater });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(lines).toContainEqual(expect.stringMatching(/^warn Update download failed.*socket hang up/));
  });

  it('logs an updater that cannot even load, and keeps the app running', async () => {
    const { log, lines } = fakeLog();
    const handle = startUpdates(ON, {
      load: () => {
        throw new Error('App version is not a valid semver version');
      },
      log,
    });
    stops.push(handle.stop);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(lines).toContainEqual(expect.stringMatching(/^warn Update check failed.*not a valid semver/));
  });

  it('says when an update is ready to install on quit', async () => {
    const { updater, lines } = start(ON);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(lines).toContainEqual('info Version 0.2.0 is downloaded and installs when the app quits.');
  });

  it('routes electron-updater’s own messages to the app log', async () => {
    const { updater, lines } = start(ON);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    updater.logger?.info('Checking for update');
    expect(lines).toContainEqual('info electron-updater: Checking for update');
  });

  it.each([
    ['http://updates.school.example/teacher-ai'],
    ['updates.school.example'],
    ['file:///C:/updates'],
    [''],
  ])('refuses a non-https update address %j: off, with an error in the log', async (url) => {
    const { updater, load, lines } = start({ enabled: true, url });
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(load).not.toHaveBeenCalled();
    expect(updater.checks).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^error Updates are off: the update server address is not an https:\/\/ URL/)]);
  });

  it('refuses a channel that is not a plain name', async () => {
    const { load, lines } = start({ enabled: true, url: null, channel: '../latest' });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(load).not.toHaveBeenCalled();
    expect(lines).toEqual([expect.stringMatching(/^error Updates are off: the update channel/)]);
  });
});

describe('installations that update themselves', () => {
  it('updates an NSIS installation (its uninstaller sits next to the app)', async () => {
    expect(selfUpdateBlocker(NSIS_INSTALL)).toBeNull();
    const { updater } = start(ON, { installation: NSIS_INSTALL });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.checks).toBe(1);
  });

  it('leaves an MSI installation to IT: no NSIS update on top of it', async () => {
    const msi = { ...NSIS_INSTALL, execPath: 'C:\\Program Files\\Teacher AI\\Teacher AI.exe', exists: () => false };
    expect(selfUpdateBlocker(msi)).toMatch(/MSI/);
    const { load, lines } = start(ON, { installation: msi });
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(load).not.toHaveBeenCalled();
    expect(lines).toEqual([expect.stringMatching(/^info Updates are off: installed by MSI/)]);
  });

  it('leaves macOS and Linux to electron-updater', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      expect(selfUpdateBlocker({ platform, execPath: '/opt/Teacher AI/teacher-ai', exists: () => false })).toBeNull();
    }
  });
});
