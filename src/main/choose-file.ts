import type { BrowserWindow, Dialog } from 'electron';
import type { ChooseFile } from '../core/handlers';

/**
 * The core's «choose a file» as Electron's native open dialog, over the app's window (modal to it). The
 * page never sees the file system: it asks the core through the contract, and the core asks this.
 */
export function nativeChooseFile(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BrowserWindow | null): ChooseFile {
  return async ({ title, filters }) => {
    const options = { title, filters, properties: ['openFile' as const] };
    const owner = window();
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
