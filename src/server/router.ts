import type http from 'node:http';

/** What a handler gets: the request, its parsed URL and a size-limited JSON body reader. */
export interface RequestContext {
  readonly req: http.IncomingMessage;
  readonly url: URL;
  readJson(): Promise<unknown>;
}

/** Handlers return data; the request listener owns writing it, so every response is JSON and logged. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export type Handler = (context: RequestContext) => Promise<Reply> | Reply;

export type Match =
  | { readonly kind: 'found'; readonly handler: Handler }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] };

/** Method + exact path → handler. Path parameters arrive with the REST API (issue 7). */
export class Router {
  private readonly routes = new Map<string, Map<string, Handler>>();

  add(method: string, path: string, handler: Handler): this {
    const byMethod = this.routes.get(path) ?? new Map<string, Handler>();
    if (byMethod.has(method.toUpperCase())) throw new Error(`Route ${method} ${path} is already registered.`);
    byMethod.set(method.toUpperCase(), handler);
    this.routes.set(path, byMethod);
    return this;
  }

  match(method: string, path: string): Match {
    const byMethod = this.routes.get(path);
    if (!byMethod) return { kind: 'not-found' };
    const handler = byMethod.get(method.toUpperCase());
    return handler ? { kind: 'found', handler } : { kind: 'method-not-allowed', allowed: [...byMethod.keys()] };
  }
}
