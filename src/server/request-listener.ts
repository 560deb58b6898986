import type http from 'node:http';
import { HttpError, httpErrorOfAppError, sendError, sendJson } from './http-errors';
import { readJsonBody } from './json-body';
import type { Logger } from './logger';
import { describeError } from './db-errors';
import type { Router } from './router';

export interface RequestListenerOptions {
  router: Router;
  log: Logger;
  maxBodyBytes: number;
}

/**
 * Routes one request, answers in JSON and logs one line (method, path, status, ms — never headers,
 * query strings or bodies, which may carry tokens and passwords). Nothing survives the request.
 */
export function createRequestListener({ router, log, maxBodyBytes }: RequestListenerOptions): http.RequestListener {
  return (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    const path = url.pathname;

    res.on('finish', () => {
      log.info('request', { method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 });
    });

    const handle = async () => {
      const match = router.match(method, path);
      if (match.kind === 'not-found') throw new HttpError(404, `No route for ${path}.`);
      if (match.kind === 'method-not-allowed') {
        throw new HttpError(405, `${method} is not allowed on ${path}.`, undefined, { Allow: match.allowed.join(', ') });
      }
      const reply = await match.handler({ req, url, params: match.params, readJson: () => readJsonBody(req, maxBodyBytes) });
      sendJson(res, reply.status, reply.body, reply.headers);
    };

    handle().catch((error: unknown) => {
      if (res.headersSent) {
        log.error('handler failed after responding', { method, path, error: describeError(error) });
        res.destroy();
        return;
      }
      const known = error instanceof HttpError ? error : httpErrorOfAppError(error);
      if (known && known.status !== 500) {
        sendError(res, known);
        return;
      }
      // The client learns only that it failed; the details (and stack) go to the log — never a query's parameters.
      log.error('handler failed', { method, path, error: describeError(error) });
      sendError(res, new HttpError(500, 'The server could not handle this request.'));
    });
  };
}
