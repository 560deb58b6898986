import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpServerLimits } from '../../core/net/http-server-limits';
import { describeError } from '../db-errors';
import { errorBody, HttpError } from '../http-errors';
import type { Logger } from '../logger';
import { httpErrorOf } from './error-answers';
import { acceptJsonBodies } from './json-body';
import { pathOf, RequestLog } from './request-log';

/** The central server's Fastify instance: route schemas are zod types, request bodies and parameters typed by them. */
export type ServerApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface HttpAppOptions {
  log: Logger;
  /** Request bodies past this are answered 413. */
  maxBodyBytes: number;
  /** Slow clients: header, request and keep-alive timeouts, and the connection cap. */
  limits: HttpServerLimits;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function answer(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.status).headers(error.headers).send(errorBody(error));
}

/**
 * The HTTP layer without routes: every answer is JSON (errors as `{ error: { code, message, … } }`), a
 * path that exists under other methods is a 405 with `Allow`, unexpected errors are a 500 whose details
 * stay in the log, and every request is logged once (src/server/http/request-log.ts).
 */
export function createHttpApp({ log, maxBodyBytes, limits }: HttpAppOptions): ServerApp {
  const app = Fastify({
    loggerInstance: log.pino as FastifyBaseLogger,
    logController: new RequestLog(),
    bodyLimit: maxBodyBytes,
    // Node's defaults let a client hold a connection a minute by sending its headers slowly and five
    // minutes by sending its body slowly: a few dozen slow clients would hold the server.
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // HEAD answers nobody needs; a HEAD is a 405 like any method a route does not have.
    exposeHeadRoutes: false,
    // A path Fastify cannot decode (a broken %-escape) names no resource.
    frameworkErrors: (error, request, reply) => {
      answer(reply, error.code === 'FST_ERR_BAD_URL' ? new HttpError(404, `No route for ${pathOf(request)}.`) : new HttpError(400, error.message));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.server.maxConnections = limits.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  acceptJsonBodies(app);

  // Fastify lets `:name` match an empty segment (`/api/courses/`); an empty id names no resource.
  app.addHook('onRequest', async (request) => {
    if (Object.values(request.params as Record<string, string>).includes('')) throw new HttpError(404, `No route for ${pathOf(request)}.`);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store').header('X-Content-Type-Options', 'nosniff');
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request);
    const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
    answer(
      reply,
      allowed.length > 0
        ? new HttpError(405, `${request.method} is not allowed on ${path}.`, undefined, { Allow: allowed.join(', ') })
        : new HttpError(404, `No route for ${path}.`),
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const known = httpErrorOf(error, request, maxBodyBytes);
    // Fastify closes the connection after a body it would not parse (413 above all). The client is
    // still writing that body: closing resets the connection under it, and it never reads the answer.
    // Kept open, Node reads the rest off the wire and drops it; the request timeout bounds how long.
    reply.removeHeader('connection');
    if (known) return answer(reply, known);
    // The client learns only that it failed; the details (and stack) go to the log — never a query's parameters.
    request.log.error({ method: request.method, path: pathOf(request), error: describeError(error) }, 'handler failed');
    return answer(reply, new HttpError(500, 'The server could not handle this request.'));
  });
  return app;
}
