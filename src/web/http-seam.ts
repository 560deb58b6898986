import type http from 'node:http';
import type { Core } from '../core/create-core';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, HTTP_SESSION_PATH, LAUNCH_CODE_PARAM } from '../shared/seam';
import type { InvokeResult } from '../shared/errors';
import type { LaunchSecrets } from './launch-secrets';
import { readRequestBody } from './request-body';
import { CONTENT_SECURITY_POLICY, readStaticFile } from '../core/net/static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;


export interface HttpSeamOptions {
  core: Pick<Core, 'invoke' | 'subscribe'>;
  /** This launch's code, API token and asset cookie. */
  secrets: LaunchSecrets;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The port the server listens on, for the Host check (known after listen). */
  port: () => number;
}

/** The asset cookie's name carries the port, so two instances on one computer do not overwrite each other's. */
export const assetCookieName = (port: number) => `teacher_ai_assets_${port}`;

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

const failure = (code: 'invalid_input' | 'unauthenticated' | 'forbidden', message: string): InvokeResult => ({
  ok: false,
  error: { code, message },
});

function cookie(req: http.IncomingMessage, wanted: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === wanted) return value.join('=');
  }
  return null;
}

function bearerToken(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

type Body = { kind: 'json'; value: unknown } | { kind: 'refused'; status: number; result: InvokeResult };

async function readJson(req: http.IncomingMessage): Promise<Body> {
  const text = await readRequestBody(req, MAX_BODY_BYTES);
  if (text === 'too_large') {
    return { kind: 'refused', status: 413, result: failure('invalid_input', `Request body is larger than ${MAX_BODY_BYTES} bytes`) };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'refused', status: 400, result: failure('invalid_input', 'The request body is not JSON') };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The browser-mode seam: the renderer and the contract over HTTP, for 127.0.0.1 only.
 * - Host must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding).
 * - The page is opened at /?code=<launch code>, which sets the asset cookie; the page then exchanges the
 *   code, once, for the API token (POST /api/session, same origin only) and takes it out of the address bar.
 * - Contract calls need `Authorization: Bearer <API token>`: a header no other site can make a browser
 *   send, and a secret no other site or port ever receives (see LaunchSecrets).
 */
export function createHttpSeam(options: HttpSeamOptions): http.RequestListener {
  const { core, secrets, staticDir, port } = options;

  const origins = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const hostAllowed = (host: string | undefined) => host !== undefined && origins().includes(host);

  return async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Forbidden: unexpected Host header');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (url.pathname === HTTP_SESSION_PATH) {
        await exchangeCode(req, res);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const presented = bearerToken(req);
        if (!presented || !secrets.isApiToken(presented)) {
          req.resume();
          sendJson(res, 401, failure('unauthenticated', 'Missing or wrong API token'));
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
        req.resume();
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const code = url.searchParams.get(LAUNCH_CODE_PARAM);
      const viaCode = code !== null && secrets.isLaunchCode(code);
      const held = cookie(req, assetCookieName(port()));
      if (!viaCode && !(held !== null && secrets.isAssetCookie(held))) {
        res.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Teacher AI: open the address printed in the terminal.\nTeacher AI: откройте адрес, напечатанный в терминале.\n');
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
      if (viaCode) headers['Set-Cookie'] = `${assetCookieName(port())}=${secrets.assetCookie}; HttpOnly; SameSite=Strict; Path=/`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app' } });
      else res.end();
    }
  };

  /**
   * The launch code for the API token. Only the page itself may ask: a request another site makes the
   * browser send carries its own Origin or `Sec-Fetch-Site: cross-site`, and a JSON body needs a CORS
   * preflight this server never grants — so no other origin can make the exchange or read its answer.
   */
  async function exchangeCode(req: http.IncomingMessage, res: http.ServerResponse) {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const sameOrigin =
      (origin === undefined || origins().some((allowed) => origin === `http://${allowed}`)) && (site === undefined || site === 'same-origin');
    if (req.method !== 'POST' || !sameOrigin || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      sendJson(res, 403, failure('forbidden', 'The launch code is exchanged only by the app page, with a JSON POST'));
      return;
    }
    const body = await readJson(req);
    if (body.kind === 'refused') {
      sendJson(res, body.status, body.result);
      return;
    }
    const code = isObject(body.value) ? body.value.code : undefined;
    const token = typeof code === 'string' ? secrets.exchange(code) : null;
    if (!token) {
      sendJson(res, 401, failure('unauthenticated', 'This launch code is wrong or was already used'));
      return;
    }
    sendJson(res, 200, { ok: true, value: { token } });
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readJson(req);
    if (body.kind === 'refused') {
      sendJson(res, body.status, body.result);
      return;
    }
    if (!isObject(body.value)) {
      sendJson(res, 400, failure('invalid_input', 'The request body must be an object { method, input }'));
      return;
    }
    const result = await core.invoke(body.value.method, body.value.input);
    const headers: http.OutgoingHttpHeaders =
      !result.ok && result.error.retryAfterSeconds !== undefined ? { 'Retry-After': String(result.error.retryAfterSeconds) } : {};
    sendJson(res, result.ok ? 200 : statusFor(result.error.code), result, headers);
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
