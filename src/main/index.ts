import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLocalCore } from '../core/create-core';
import { runDesktopApp } from './lifecycle';

// Resources sit next to the app when packaged, and in the project folder in development.
const resourceRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
const rendererPage = path.join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

const source = devServerUrl
  ? { url: devServerUrl, urlPrefix: new URL(devServerUrl).origin + '/' }
  : { url: pathToFileURL(rendererPage).toString(), urlPrefix: pathToFileURL(rendererPage).toString() };

runDesktopApp({
  app,
  BrowserWindow,
  ipcMain,
  defaultSession: () => session.defaultSession,
  preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
  openExternal: (url) => void shell.openExternal(url),
  source,
  openCore: () =>
    createLocalCore({
      dataDir: path.join(app.getPath('userData'), 'data'),
      appVersion: app.getVersion(),
      migrationsFolder: path.join(resourceRoot, 'drizzle'),
      contentDir: path.join(resourceRoot, 'resources', 'content'),
      achievementsFile: path.join(resourceRoot, 'resources', 'achievements', 'catalogue.json'),
      templatePath: path.join(app.isPackaged ? resourceRoot : path.join(resourceRoot, 'out'), 'db-template'),
    }),
  onFatal: (error) => {
    dialog.showErrorBox('Teacher AI', `Приложение не удалось запустить / The app could not start:\n${String(error)}`);
    app.exit(1);
  },
});
