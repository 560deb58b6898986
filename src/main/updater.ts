import path from 'node:path';

/**
 * Automatic updates through electron-updater's `autoUpdater`, from a plain HTTPS folder (the "generic"
 * provider: latest.yml and the installers electron-builder writes to dist/). The app checks shortly after
 * start and every few hours, downloads in the background and installs when the student quits. Being offline
 * is normal for this app: a failed check or download is logged and tried again later — never a crash, never
 * a dialog.
 *
 * Nothing here imports `electron` or `electron-updater`: src/main/index.ts passes the real updater in,
 * tests pass a fake.
 */

/** Whether and where to look for updates (src/core/school/update-settings.ts: the build and the school configuration). */
export interface UpdateSettings {
  enabled: boolean;
  /** An https:// folder with the update files; null = the address built into the app (`-c.publish.url=…` at build time). */
  url: string | null;
  /** Which update file to follow: `latest` (the default) reads latest.yml, `beta` reads beta.yml. */
  channel?: string;
  /** Why updates are off. */
  reason?: string;
}

export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel?: string;
}

/** The part of electron-updater's `AppUpdater` used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  /** electron-updater narrates through this, and logs its own `error` events here. */
  logger: UpdateLog | null;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

/** How the app was installed, for telling an installation that can update itself from one managed by IT. */
export interface Installation {
  platform: NodeJS.Platform;
  /** process.execPath */
  execPath: string;
  exists: (file: string) => boolean;
}

export interface UpdaterDeps {
  /** Called at the first check, never when updates are off (loading electron-updater has a cost). */
  load: () => Updater | Promise<Updater>;
  log: UpdateLog;
  installation?: Installation;
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
}

/** electron-builder.yml `productName`: the NSIS uninstaller is named after it. */
export const PRODUCT_NAME = 'Teacher AI';
export const FIRST_CHECK_AFTER_MS = 15_000;
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const CHANNEL = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Why this installation must not update itself, or null when it may. The NSIS installer puts its
 * uninstaller next to the app and electron-updater updates with the next NSIS installer. An MSI
 * installation (group policy, SCCM) has no such uninstaller: IT updates it with the next MSI, and an NSIS
 * update on top would install a second copy.
 */
export function selfUpdateBlocker(installation: Installation): string | null {
  if (installation.platform !== 'win32') return null;
  const uninstaller = path.win32.join(path.win32.dirname(installation.execPath), `Uninstall ${PRODUCT_NAME}.exe`);
  return installation.exists(uninstaller) ? null : 'installed by MSI (or unpacked): updates come with the next package from IT';
}

/** Start checking for updates; `stop()` cancels the schedule. */
export function startUpdates(settings: UpdateSettings, deps: UpdaterDeps): { stop(): void } {
  const { log } = deps;
  const off = (why: string, level: 'info' | 'error' = 'info') => {
    log[level](`Updates are off: ${why}.`);
    return { stop() {} };
  };
  if (!settings.enabled) return off(settings.reason ?? 'turned off');
  const blocker = deps.installation ? selfUpdateBlocker(deps.installation) : null;
  if (blocker) return off(blocker);
  if (settings.url !== null && !isHttpsUrl(settings.url)) {
    return off(`the update server address is not an https:// URL: ${JSON.stringify(settings.url)}`, 'error');
  }
  if (settings.channel !== undefined && !CHANNEL.test(settings.channel)) {
    return off(`the update channel is not a simple name like "latest": ${JSON.stringify(settings.channel)}`, 'error');
  }

  const everyMs = deps.checkEveryMs ?? CHECK_EVERY_MS;
  let updater: Promise<Updater> | null = null;
  const prepared = () => (updater ??= Promise.resolve().then(deps.load).then((it) => configure(it, settings, log)));

  const check = async () => {
    try {
      const result = await (await prepared()).checkForUpdates();
      // The download runs on in the background; electron-updater also reports its failure as an `error` event.
      result?.downloadPromise?.catch((error: unknown) => log.warn(`Update download failed, retrying at the next check: ${describe(error)}`));
    } catch (error) {
      log.warn(`Update check failed (offline?), next try in ${formatDuration(everyMs)}: ${describe(error)}`);
    }
  };

  const first = setTimeout(() => void check(), deps.firstCheckAfterMs ?? FIRST_CHECK_AFTER_MS);
  const repeat = setInterval(() => void check(), everyMs);
  // The schedule must never keep the process alive on its own.
  first.unref();
  repeat.unref();
  log.info(`Updates are on: ${settings.url ?? 'the update server built into the app'}, channel ${settings.channel ?? 'latest'}.`);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(repeat);
    },
  };
}

function configure(updater: Updater, settings: UpdateSettings, log: UpdateLog): Updater {
  updater.logger = {
    info: (message) => log.info(`electron-updater: ${String(message)}`),
    warn: (message) => log.warn(`electron-updater: ${String(message)}`),
    error: (message) => log.error(`electron-updater: ${String(message)}`),
  };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  if (settings.url !== null) {
    updater.setFeedURL({ provider: 'generic', url: settings.url, ...(settings.channel ? { channel: settings.channel } : {}) });
  } else if (settings.channel) {
    updater.channel = settings.channel;
  }
  // After the channel (setting it allows downgrades): an older version would run against a database that a
  // newer one has already migrated.
  updater.allowDowngrade = false;
  updater.on('update-downloaded', (info) => log.info(`Version ${info.version} is downloaded and installs when the app quits.`));
  return updater;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatDuration(ms: number): string {
  return ms >= 3_600_000 ? `${Math.round(ms / 360_000) / 10} h` : `${Math.round(ms / 60_000)} min`;
}
