import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import { openLocalApp } from '../core/local-app';
import { createDataDirLogger, logStarted } from '../core/diagnostics/logger';
import { describeError } from '../core/errors/to-error-data';
import { loadSchoolConfig } from '../core/school/load-school-config';
import { schoolConfigSearch } from '../core/school/locate-school-config';
import { schoolUpdateSettings } from '../core/school/update-settings';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { runDesktopApp } from './lifecycle';
import { resourcePaths } from './resource-paths';
import { startUpdates } from './updater';
import { chooseWindowSource } from './window-source';
import { nativeChooseFile } from './choose-file';

// Whatever this process (and Chromium under it) creates is its user's alone; the data directory's own
// modes are set and repaired by the core (src/core/files/private-data-dir.ts).
if (process.platform !== 'win32') process.umask(0o077);
// Before the app is ready: the page's own origin, app://teacher-ai (src/main/app-protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// Resources sit next to the app when packaged, and in the project folder in development.
const resourceRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
const rendererDir = path.join(import.meta.dirname, '../renderer');

// The school-wide configuration (README: "School-wide configuration"): next to the app's executable or the
// machine-wide folder (TEACHER_AI_SCHOOL_CONFIG only where neither exists, or in development). Problems are
// logged and shown to admins in Settings.
const schoolPlace = { platform: process.platform, env: process.env, appDir: path.dirname(process.execPath), development: !app.isPackaged };
const school = loadSchoolConfig(schoolPlace);
const dataDir = path.join(app.getPath('userData'), 'data');
// Redacted JSON lines in <dataDir>/logs (README: "Diagnostics and crash safety"); errors on the console in development.
const logger = createDataDirLogger(dataDir, { console: !app.isPackaged });

const source = chooseWindowSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });

const desktop = runDesktopApp({
  app,
  BrowserWindow,
  ipcMain,
  defaultSession: () => session.defaultSession,
  preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
  openExternal: (url) => void shell.openExternal(url),
  source,
  serveApp: () => protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir)),
  openCore: async () => {
    const opening = performance.now();
    const local = await openLocalApp({ dataDir, appVersion: app.getVersion(), ...resourcePaths(resourceRoot, app.isPackaged), school, logger,
      embeddedWorker: { file: path.join(import.meta.dirname, 'embedded-worker.js') },
      chooseFile: nativeChooseFile(dialog, () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null),
    });
    logStarted(logger, { mode: 'desktop', appVersion: app.getVersion(), openMs: Math.round(performance.now() - opening), recovery: !local.core });
    return local;
  },
  onFatal: (error) => {
    logger.error('the app could not start', { error: describeError(error) });
    dialog.showErrorBox('Teacher AI', `Приложение не удалось запустить / The app could not start:\n${String(error)}`);
    app.exit(1);
  },
});

// Updates (src/main/updater.ts) in packaged builds, only once an update server is configured: the machine-wide
// school configuration's `updates: { enabled, url, channel }`, else the server given at build time
// (`-c.publish.url=…`, which electron-builder writes into resources/app-update.yml). Otherwise nothing is polled.
void desktop.ready.then(() => {
  if (!app.hasSingleInstanceLock()) return;
  const { settings, refused } = schoolUpdateSettings(school, {
    packaged: app.isPackaged,
    builtInFeed: app.isPackaged && fs.existsSync(path.join(process.resourcesPath, 'app-update.yml')),
    // Only a file the student's environment chose is refused: the machine-wide file wins over the variable.
    namedByEnvironment: school.source !== null && school.source === schoolConfigSearch(schoolPlace).explicit,
  });
  if (refused) logger.warn(`Updates: ${refused}`);
  startUpdates(settings, {
    // electron-updater is CommonJS and `autoUpdater` a lazy getter, which an ESM named import does not see.
    load: () => electronUpdater.autoUpdater,
    log: { info: (message) => logger.info(message), warn: (message) => logger.warn(message), error: (message) => logger.error(message) },
    installation: { platform: process.platform, execPath: process.execPath, exists: fs.existsSync },
  });
});
