import { APP_ORIGIN, APP_PAGE_URL } from './app-protocol';
import type { WindowSource } from './window';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the window's page comes from: the built renderer on `app://teacher-ai/`, or — in a development build
 * only — electron-vite's dev server (ELECTRON_RENDERER_URL, on this computer). An installed app ignores the
 * variable: whoever sets it in a student's environment would otherwise choose the page that gets the core's
 * whole API.
 */
export function chooseWindowSource(options: { isPackaged: boolean; devServerUrl: string | undefined }): WindowSource {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname)) {
      return { url: url.toString(), urlPrefix: `${url.origin}/` };
    }
  }
  return { url: APP_PAGE_URL, urlPrefix: `${APP_ORIGIN}/` };
}
