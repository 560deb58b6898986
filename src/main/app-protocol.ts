import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, readStaticFile } from '../core/net/static-files';

/**
 * The desktop app's page comes from `app://teacher-ai/`, not `file://`: a file:// page may read any file
 * the user can (a link, an <img>, a fetch), and every file:// page shares one origin. A privileged
 * standard scheme gives the app its own origin, served only from the built renderer folder.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'teacher-ai';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: relative URLs and an origin of its own; secure: a secure context, like https.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * `protocol.handle(APP_SCHEME, …)`: GET of a file of `rendererDir` on the app's own host. Any other host,
 * method, or a path that leaves the folder (`..`, encoded or not) is a 404.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    // (URL.origin is "null" for a scheme the URL standard does not know: compare its parts.)
    const ours = url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
    if (!ours || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = readStaticFile(rendererDir, url.pathname);
    if (!file) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
