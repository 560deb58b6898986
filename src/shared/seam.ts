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

/** POST, JSON body `{ method, input }`, header `Authorization: Bearer <API token>`; answers an InvokeResult. */
export const HTTP_INVOKE_PATH = '/api/invoke';
/** GET, same header; a `text/event-stream` whose `data:` lines are JSON CoreEvents. */
export const HTTP_EVENTS_PATH = '/api/events';
/**
 * POST, JSON body `{ code }` (the launch code), from the page itself: answers an InvokeResult whose value
 * is `{ token }`, the API token. Each code is exchanged once.
 */
export const HTTP_SESSION_PATH = '/api/session';
/** The one-time launch code arrives in the page URL as `?code=…`. */
export const LAUNCH_CODE_PARAM = 'code';
