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
}

export function createApi(getTransport: () => Transport): Api {
  return {
    async call(method, ...args) {
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
