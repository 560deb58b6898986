import { ProviderError } from './provider';

/** Where and how to reach an OpenAI-compatible server (OpenAI, Ollama, LM Studio, llama.cpp …). */
export interface OpenAiEndpoint {
  /** Already normalised by `normaliseBaseUrl`, e.g. `http://localhost:11434/v1`. */
  baseUrl: string;
  model: string;
  /** Null for local servers that need no key; never logged or put in an error message. */
  apiKey: string | null;
  /** How long to wait for the response headers (for `listModels`: for the whole answer). */
  responseTimeoutMs: number;
  /** How long a running stream may stay silent before it counts as dead. */
  idleTimeoutMs: number;
  /** The model's context in tokens as configured, for a server that does not say (null: the default). */
  contextTokens?: number | null;
}

export type EndpointPath = 'chat/completions' | 'models';

/**
 * Turns what a user typed into a base URL the client can append paths to.
 * A bare host gets `/v1` because that is where every OpenAI-compatible server mounts its API
 * (Ollama users tend to paste `http://localhost:11434`); an explicit path is kept as typed.
 * Query, fragment and user:password are dropped: they cannot be meant for the API and could hide a secret.
 */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ProviderError('bad_request', 'The server address is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProviderError('bad_request', 'The server address must start with http:// or https://.');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/v1' : path}`;
}

export function endpointUrl(baseUrl: string, path: EndpointPath): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}
