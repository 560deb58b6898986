import type { CoreEvent } from './contract';
import type { InvokeResult } from './errors';

/**
 * How the renderer reaches the core. In the desktop app the preload exposes `window.teacher`
 * (IPC underneath); in browser mode the same calls go over HTTP on 127.0.0.1.
 */
export interface TeacherBridge {
  invoke(method: string, input?: unknown): Promise<InvokeResult>;
  /** Returns the function that stops the subscription. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'teacher:invoke';
export const IPC_EVENT_CHANNEL = 'teacher:event';

/** POST, JSON body `{ method, input }`, header `Authorization: Bearer <token>`; answers an InvokeResult. */
export const HTTP_INVOKE_PATH = '/api/invoke';
/** GET, same header; a `text/event-stream` whose `data:` lines are JSON CoreEvents. */
export const HTTP_EVENTS_PATH = '/api/events';
/** The launch token arrives in the page URL as `?token=…`. */
export const TOKEN_QUERY_PARAM = 'token';
