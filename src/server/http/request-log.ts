import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The path of a request without its query string (which may carry a token). */
export const pathOf = (request: FastifyRequest) => request.url.split('?', 1)[0]!;

/**
 * One line per request — method, path, status, ms, and Fastify's request id that its error line shares —
 * and never headers, query strings or bodies, which may carry tokens and passwords. Fastify's own
 * "incoming request" and "route not found" lines would repeat it (with the full URL), so they are off.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info(
      { method: request.method, path: pathOf(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  }
}
