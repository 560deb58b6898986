import type { TeacherBridge } from '../../../shared/seam';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    teacher?: TeacherBridge;
  }
}

/** The bridge the Electron preload exposes, if the renderer runs inside the desktop app. */
export function findIpcBridge(): TeacherBridge | null {
  return typeof window !== 'undefined' && window.teacher ? window.teacher : null;
}

export function createIpcTransport(bridge: TeacherBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
