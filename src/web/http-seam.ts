import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Core } from '../core/create-core';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, TOKEN_QUERY_PARAM } from '../shared/seam';
import type { InvokeResult } from '../shared/errors';
import { readStaticFile } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
const TOKEN_COOKIE = 'teacher_ai_token';
const HEARTBEAT_MS = 15_000;

/** Same policy as the renderer's meta tag, sent as a header too. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface HttpSeamOptions {
  core: Pick<Core, 'invoke' | 'subscribe'>;
  /** The per-launch secret every request must present. */
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The port the server listens on, for the Host check (known after listen). */
  port: () => number;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

const failure = (code: 'invalid_input' | 'unauthenticated' | 'forbidden', message: string): InvokeResult => ({
  ok: false,
  error: { code, message },
});

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

function bearerToken(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

async function readBody(req: http.IncomingMessage): Promise<string | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too_large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser-mode seam: the renderer and the contract over HTTP, for 127.0.0.1 only.
 * - Host must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding).
 * - The page is opened with ?token=…, which sets an HttpOnly SameSite=Strict cookie for its assets.
 * - Contract calls need `Authorization: Bearer <token>`: a header another site cannot make a browser send.
 */
export function createHttpSeam(options: HttpSeamOptions): http.RequestListener {
  const { core, token, staticDir, port } = options;

  const hostAllowed = (host: string | undefined) =>
    host === `127.0.0.1:${port()}` || host === `localhost:${port()}`;

  return async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Forbidden: unexpected Host header');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (url.pathname.startsWith('/api/')) {
        const presented = bearerToken(req);
        if (!presented || !sameSecret(presented, token)) {
          sendJson(res, 401, failure('unauthenticated', 'Missing or wrong launch token'));
          return;
        }
        if (url.pathname === HTTP_INVOKE_PATH && req.method === 'POST') {
          await handleInvoke(req, res);
          return;
        }
        if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
          streamEvents(req, res);
          return;
        }
        sendJson(res, 404, failure('invalid_input', 'No such endpoint'));
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const queryToken = url.searchParams.get(TOKEN_QUERY_PARAM);
      const viaQuery = queryToken !== null && sameSecret(queryToken, token);
      const viaCookie = (() => {
        const c = cookieToken(req);
        return c !== null && sameSecret(c, token);
      })();
      if (!viaQuery && !viaCookie) {
        res.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Teacher AI: open the address printed in the terminal (it contains the launch token).\n' +
          'Teacher AI: откройте адрес из терминала (в нём есть токен запуска).\n');
        return;
      }
      const file = readStaticFile(staticDir, url.pathname);
      if (!file) {
        res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      const headers: http.OutgoingHttpHeaders = {
        ...securityHeaders,
        'Content-Type': file.contentType,
        'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
      };
      if (viaQuery) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app' } });
      else res.end();
    }
  };

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req);
    if (body === 'too_large') {
      sendJson(res, 413, failure('invalid_input', `Request body is larger than ${MAX_BODY_BYTES} bytes`));
      return;
    }
    let message: { method?: unknown; input?: unknown };
    try {
      message = JSON.parse(body) as typeof message;
    } catch {
      sendJson(res, 400, failure('invalid_input', 'The request body is not JSON'));
      return;
    }
    if (typeof message !== 'object' || message === null) {
      sendJson(res, 400, failure('invalid_input', 'The request body must be an object { method, input }'));
      return;
    }
    const result = await core.invoke(message.method, message.input);
    if (!result.ok && result.error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(result.error.retryAfterSeconds));
    sendJson(res, result.ok ? 200 : statusFor(result.error.code), result);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}

function statusFor(code: string): number {
  switch (code) {
    case 'invalid_input':
    case 'unknown_method':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    default:
      return 500;
  }
}
