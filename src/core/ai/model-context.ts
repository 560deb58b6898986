import { endpointUrl, type OpenAiEndpoint } from './openai-endpoint';

/** Without a word from the server or the settings: what llama.cpp and most local servers run with. */
export const DEFAULT_CONTEXT_TOKENS = 4096;
const ASK_TIMEOUT_MS = 3000;
const REMEMBER_MS = 5 * 60_000;

/**
 * The context size a server runs a model with, where it says so: llama.cpp's `/props` gives the
 * slot's `n_ctx` (what really limits a request); its `/v1/models` only the trained size, an upper
 * bound. Anything else (Ollama, LM Studio, OpenAI) says nothing here, and `configured` holds.
 * Remembered for a few minutes per server and model so a reply does not wait for two extra requests.
 */
export function createContextProbe(fetchImpl: typeof fetch = fetch, now: () => number = Date.now) {
  const known = new Map<string, { tokens: number; at: number }>();

  async function ask(endpoint: OpenAiEndpoint, signal: AbortSignal): Promise<{ exact: number | null; atMost: number | null }> {
    const timeout = AbortSignal.any([signal, AbortSignal.timeout(ASK_TIMEOUT_MS)]);
    const headers: Record<string, string> = endpoint.apiKey ? { Authorization: `Bearer ${endpoint.apiKey}` } : {};
    const get = async (url: string): Promise<unknown> => {
      try {
        const response = await fetchImpl(url, { headers, signal: timeout });
        if (!response.ok) {
          await response.body?.cancel();
          return null;
        }
        return (await response.json()) as unknown;
      } catch {
        return null;
      }
    };
    const props = await get(propsUrl(endpoint.baseUrl));
    const exact = positive(pick(props, 'default_generation_settings', 'n_ctx')) ?? positive(pick(props, 'n_ctx'));
    if (exact !== null) return { exact, atMost: null };
    const models = await get(endpointUrl(endpoint.baseUrl, 'models'));
    const list = pick(models, 'data');
    const entry = Array.isArray(list) ? list.find((m: unknown) => pick(m, 'id') === endpoint.model) : undefined;
    return { exact: null, atMost: positive(pick(entry, 'meta', 'n_ctx_train')) };
  }

  return {
    /** The context to plan a request for: the server's word, else the setting capped by the model's trained size. */
    async contextTokens(endpoint: OpenAiEndpoint, configured: number | null, signal: AbortSignal): Promise<number> {
      const key = `${endpoint.baseUrl} ${endpoint.model}`;
      const cached = known.get(key);
      if (cached && now() - cached.at < REMEMBER_MS) return cached.tokens;
      const { exact, atMost } = await ask(endpoint, signal);
      const wanted = configured ?? DEFAULT_CONTEXT_TOKENS;
      const tokens = exact ?? (atMost === null ? wanted : Math.min(wanted, atMost));
      if (!signal.aborted) known.set(key, { tokens, at: now() });
      return tokens;
    },
  };
}

export type ContextProbe = ReturnType<typeof createContextProbe>;

/** llama.cpp serves `/props` beside `/v1`, at the server's root. */
function propsUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const root = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${url.origin}${root}/props`;
}

function pick(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
