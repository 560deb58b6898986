import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from '../shared/contract';
import type { TeacherBridge } from '../shared/seam';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/seam';

/** Exactly two functions reach the page: call a contract method, and listen to core events. */
const bridge: TeacherBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, coreEvent: CoreEvent) => listener(coreEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('teacher', bridge);
