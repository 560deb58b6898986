import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLocalApp } from '../core/local-app';
import { createDataDirLogger, logStarted } from '../core/diagnostics/logger';
import { describeError } from '../core/errors/to-error-data';
import { loadSchoolConfig } from '../core/school/load-school-config';
import { schoolConfigSearch } from '../core/school/locate-school-config';
import { schoolUpdateSettings } from '../core/school/update-settings';
import { runDesktopApp } from './lifecycle';
import { resourcePaths } from './resource-paths';
import { startUpdates } from './updater';

// Resources sit next to the app when packaged, and in the project folder in development.
const resourceRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
const rendererPage = path.join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// The school-wide configuration (README: "School-wide configuration"): TEACHER_AI_SCHOOL_CONFIG, next to
// the app's executable, or the machine-wide folder. Problems are logged and shown to admins in Settings.
const schoolPlace = { platform: process.platform, env: process.env, appDir: path.dirname(process.execPath) };
const school = loadSchoolConfig(schoolPlace);
const dataDir = path.join(app.getPath('userData'), 'data');
// Redacted JSON lines in <dataDir>/logs (README: "Diagnostics and crash safety"); errors on the console in development.
const logger = createDataDirLogger(dataDir, { console: !app.isPackaged });

const source = devServerUrl
  ? { url: devServerUrl, urlPrefix: new URL(devServerUrl).origin + '/' }
  : { url: pathToFileURL(rendererPage).toString(), urlPrefix: pathToFileURL(rendererPage).toString() };

const desktop = runDesktopApp({
  app,
  BrowserWindow,
  ipcMain,
  defaultSession: () => session.defaultSession,
  preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
  openExternal: (url) => void shell.openExternal(url),
  source,
  openCore: async () => {
    const opening = performance.now();
    const local = await openLocalApp({ dataDir, appVersion: app.getVersion(), ...resourcePaths(resourceRoot, app.isPackaged), school, logger });
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
    namedByEnvironment: schoolConfigSearch(schoolPlace).explicit !== null,
  });
  if (refused) logger.warn(`Updates: ${refused}`);
  startUpdates(settings, {
    // electron-updater is CommonJS and `autoUpdater` a lazy getter, which an ESM named import does not see.
    load: () => electronUpdater.autoUpdater,
    log: { info: (message) => logger.info(message), warn: (message) => logger.warn(message), error: (message) => logger.error(message) },
    installation: { platform: process.platform, execPath: process.execPath, exists: fs.existsSync },
  });
});
