import type { CoreEvent, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ApiError } from './api-error';
import { pageStorage, startBrowserSession } from './browser-session';
import type { Transport } from './transport';
import { createHttpTransport } from './transport-http';
import { createIpcTransport, findIpcBridge } from './transport-ipc';

export { ApiError } from './api-error';

/** Methods whose input is optional may be called with the method name alone. */
type CallArgs<M extends MethodName> = undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export interface Api {
  /** Calls a contract method; resolves with its output or rejects with an ApiError. */
  call<M extends MethodName>(method: M, ...args: CallArgs<M>): Promise<MethodOutput<M>>;
  /** Listens to every event the core pushes; returns the function that stops listening. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /**
   * Signs out through `signOut` (which calls `accounts.signOut`). Meanwhile a screen that starts loading
   * (a lazy page arriving, an event's refresh) would ask a core whose student is already gone and be refused;
   * so other calls wait, and once the sign-out succeeded they are dropped: the screens that made them are
   * leaving too. If it fails they go ahead as usual.
   */
  signOutWith(signOut: () => Promise<void>): Promise<void>;
}

/** Calls the sign-in screen itself makes; they never wait for a sign-out. */
const isAccountCall = (method: MethodName) => method.startsWith('accounts.') || method.startsWith('school.') || method === 'app.info';

export function createApi(getTransport: () => Transport): Api {
  let leaving: Promise<boolean> | null = null;
  return {
    async call(method, ...args) {
      if (leaving && !isAccountCall(method) && (await leaving)) return new Promise<never>(() => {});
      let result;
      try {
        result = await getTransport().invoke(method, args[0]);
      } catch (error) {
        throw ApiError.unavailable(error);
      }
      if (!result.ok) throw ApiError.fromData(result.error);
      return result.value as MethodOutput<typeof method>;
    },
    subscribe: (listener) => getTransport().subscribe(listener),
    async signOutWith(signOut) {
      const done = signOut();
      const current = done.then(
        () => true,
        () => false,
      );
      leaving = current;
      try {
        await done;
      } finally {
        // Calls made after this are for whoever signs in next (or for the same student, if it failed).
        if (leaving === current) leaving = null;
      }
    },
  };
}

/** The desktop app's preload bridge when there is one, otherwise HTTP to the browser-mode server. */
function chooseTransport(): Transport {
  const bridge = findIpcBridge();
  if (bridge) return createIpcTransport(bridge);
  const apiToken = startBrowserSession({
    location: window.location,
    history: window.history,
    storage: pageStorage(),
    fetch: (input, init) => fetch(input, init),
  });
  return createHttpTransport({ token: apiToken });
}

let transport: Transport | null = null;

/** Picks the transport once; in browser mode this also takes the launch code out of the address bar and exchanges it. */
export function connectApi(): void {
  transport ??= chooseTransport();
}

export const api: Api = createApi(() => {
  connectApi();
  return transport as Transport;
});
