import http from 'node:http';

/**
 * How long a client may take and how many connections it may hold. Node's defaults let a client keep a
 * connection for a minute by sending its headers slowly and for five minutes by sending its body slowly,
 * and accept any number of such connections: a few dozen slow clients hold the server.
 */
export interface HttpServerLimits {
  /** The request line and every header must have arrived within this time of the connection (or of the previous request). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this time. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as soon as they open. */
  maxConnections: number;
  /** How often Node looks for connections past the two timeouts above (their precision). */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: Readonly<HttpServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_024,
  checkIntervalMs: 1_000,
});

/** An HTTP server that closes slow and surplus connections (a slow request is answered 408 first). */
export function createLimitedHttpServer(listener: http.RequestListener, limits: HttpServerLimits): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
