import type http from 'node:http';

/** What a handler gets: the request, its parsed URL, the path's parameters and a size-limited JSON body reader. */
export interface RequestContext {
  readonly req: http.IncomingMessage;
  readonly url: URL;
  /** The values of the route's `:name` segments, decoded (`/api/courses/:courseId` → `{ courseId }`). */
  readonly params: Readonly<Record<string, string>>;
  readJson(): Promise<unknown>;
}

/** Handlers return data; the request listener owns writing it, so every response is JSON and logged. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (context: RequestContext) => Promise<Reply> | Reply;

export type Match =
  | { readonly kind: 'found'; readonly handler: Handler; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] };

interface Route {
  readonly pattern: string;
  /** A literal segment, or a parameter's name. */
  readonly segments: readonly ({ literal: string } | { param: string })[];
  readonly byMethod: Map<string, Handler>;
}

const splitPath = (path: string) => path.split('/').slice(1);

/**
 * Method + path → handler. A path segment `:name` matches any one non-empty segment and hands it to the
 * handler as `params.name`; a literal segment wins over a parameter (`/devices/revoke` before
 * `/devices/:id`), whatever the order the routes were added in.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    if (!path.startsWith('/')) throw new Error(`Route ${path} must start with /.`);
    const segments = splitPath(path).map((segment) => {
      if (!segment.startsWith(':')) return { literal: segment };
      const param = segment.slice(1);
      if (!/^[A-Za-z_]\w*$/.test(param)) throw new Error(`Route ${path} has an invalid parameter name.`);
      return { param };
    });
    const names = segments.flatMap((s) => ('param' in s ? [s.param] : []));
    if (new Set(names).size !== names.length) throw new Error(`Route ${path} repeats a parameter name.`);
    // Two spellings of one shape (`/a/:x` and `/a/:y`) are one route.
    const shape = segments.map((s) => ('param' in s ? ':' : `/${s.literal}`)).join('');
    let route = this.routes.find((r) => r.segments.map((s) => ('param' in s ? ':' : `/${s.literal}`)).join('') === shape);
    if (route && route.pattern !== path) throw new Error(`Route ${path} clashes with ${route.pattern}.`);
    if (!route) {
      route = { pattern: path, segments, byMethod: new Map() };
      this.routes.push(route);
    }
    if (route.byMethod.has(method.toUpperCase())) throw new Error(`Route ${method} ${path} is already registered.`);
    route.byMethod.set(method.toUpperCase(), handler);
    return this;
  }

  /** Every registered method and path pattern, in the order added (tests walk them all). */
  list(): { method: string; path: string }[] {
    return this.routes.flatMap((route) => [...route.byMethod.keys()].map((method) => ({ method, path: route.pattern })));
  }

  match(method: string, path: string): Match {
    const parts = splitPath(path);
    let best: { route: Route; params: Record<string, string> } | undefined;
    for (const route of this.routes) {
      const params = matchSegments(route, parts);
      if (params && (!best || moreSpecific(route, best.route))) best = { route, params };
    }
    if (!best) return { kind: 'not-found' };
    const handler = best.route.byMethod.get(method.toUpperCase());
    return handler
      ? { kind: 'found', handler, params: best.params }
      : { kind: 'method-not-allowed', allowed: [...best.route.byMethod.keys()] };
  }
}

/** The first segment where the two differ decides: a literal is more specific than a parameter. */
function moreSpecific(a: Route, b: Route): boolean {
  for (const [index, segment] of a.segments.entries()) {
    const other = b.segments[index]!;
    if ('literal' in segment !== 'literal' in other) return 'literal' in segment;
  }
  return false;
}

function matchSegments(route: Route, parts: readonly string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const part = parts[index]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return null;
      continue;
    }
    if (part === '') return null;
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      return null; // a malformed escape names no resource
    }
    params[segment.param] = value;
  }
  return params;
}
