import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Invoke } from '../core/dispatch';
import type { CoreEvent } from '../shared/contract';
import type { InvokeResult } from '../shared/errors';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/seam';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

const refused: InvokeResult = { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app window' } };

/**
 * A frame may call the core only if it is the top frame of the app's own page. Frames of other
 * origins (an iframe, a page navigated to by mistake) are refused before anything is parsed.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined, appUrlPrefix: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return frame.url.startsWith(appUrlPrefix);
}

/** The IPC seam: one channel, every call's sender checked; names and inputs are checked by the core's dispatcher. */
export function registerIpcSeam(ipcMain: IpcMainLike, invoke: Invoke, appUrlPrefix: string): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, appUrlPrefix)) return refused;
    return invoke(method, input);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** Push core events to a window for as long as it lives. */
export function forwardEvents(
  subscribe: (listener: (event: CoreEvent) => void) => () => void,
  contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>,
): () => void {
  const unsubscribe = subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
