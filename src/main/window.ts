import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';

export interface WindowSource {
  /** app://teacher-ai/index.html (the built page), or the dev server's URL in development. */
  url: string;
  /** Calls from frames whose URL does not start with this are refused, and navigation away is blocked. */
  urlPrefix: string;
}

/** The only web preferences the app window ever gets. */
export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** Only web pages leave the app, and only to the system browser: never file:, javascript: or custom schemes. */
export const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * No new windows, no navigation away from the app's page, no <webview>. A web link the student clicks
 * (a lesson's source, a link in the teacher's reply) opens in the system browser instead of doing nothing.
 * Applied to every web contents the app ever creates (`app.on('web-contents-created')`, lifecycle.ts).
 */
export function hardenWebContents(contents: HardenableContents, urlPrefix: string, openExternal?: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (openExternal && isWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(urlPrefix)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(urlPrefix)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The one app window; its web contents is hardened as it is created (`web-contents-created`). */
export function createMainWindow(BrowserWindowClass: BrowserWindowConstructor, preloadPath: string, source: WindowSource): BrowserWindow {
  const window = new BrowserWindowClass({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Teacher AI',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(source.url);
  return window;
}
