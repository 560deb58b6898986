/**
 * A `fetch` for a device's sync client with faults injected at the HTTP client, where a real network
 * fails: the request never leaves, the server commits but the answer is lost, the same request arrives
 * several times, the answer comes late. Each request takes the next fault from the plan (or 'ok').
 */
export type Fault = 'ok' | 'drop' | 'lose-response' | 'duplicate' | 'delay';

export interface FaultyFetch {
  fetch: typeof fetch;
  /** Faults for the next requests, in order; requests beyond the plan go through. */
  plan(...faults: Fault[]): void;
  /** Only requests whose path starts with this get faults (e.g. '/sync/push'); default: all. */
  only(pathPrefix: string | null): void;
  /** Every request that reached the network, with the fault it got. */
  readonly log: { method: string; path: string; fault: Fault; status: number | null }[];
  /** Take the device off the network entirely (every request fails) or back. */
  offline(value: boolean): void;
  /** Back to a healthy network: no planned faults, no filter, online. */
  reset(): void;
}

export class NetworkError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError'; // what fetch throws when the network fails
  }
}

export function faultyFetch(base: typeof fetch = fetch, options: { duplicates?: number; delayMs?: number } = {}): FaultyFetch {
  const queue: Fault[] = [];
  const log: FaultyFetch['log'] = [];
  let prefix: string | null = null;
  let isOffline = false;
  const duplicates = options.duplicates ?? 5;
  const delayMs = options.delayMs ?? 200;

  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (isOffline) {
      log.push({ method, path: url.pathname, fault: 'drop', status: null });
      throw new NetworkError('fetch failed (offline)');
    }
    const applies = prefix === null || url.pathname.startsWith(prefix);
    const fault: Fault = applies ? (queue.shift() ?? 'ok') : 'ok';
    const entry = { method, path: url.pathname, fault, status: null as number | null };
    log.push(entry);
    switch (fault) {
      case 'drop':
        throw new NetworkError('fetch failed (request dropped)');
      case 'lose-response': {
        const response = await base(input, init);
        entry.status = response.status;
        await response.arrayBuffer(); // the server finished its work; the device never hears of it
        throw new NetworkError('fetch failed (response lost)');
      }
      case 'duplicate': {
        let response: Response | null = null;
        for (let i = 0; i < duplicates; i++) {
          if (response) await response.arrayBuffer();
          response = await base(input, init);
        }
        entry.status = response!.status;
        return response!;
      }
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        break;
      case 'ok':
        break;
    }
    const response = await base(input, init);
    entry.status = response.status;
    return response;
  };
  return {
    fetch: wrapped as typeof fetch,
    plan: (...faults) => queue.push(...faults),
    only: (value) => {
      prefix = value;
    },
    log,
    offline: (value) => {
      isOffline = value;
    },
    reset: () => {
      queue.length = 0;
      prefix = null;
      isOffline = false;
    },
  };
}
