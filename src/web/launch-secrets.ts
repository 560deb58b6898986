import { randomBytes, timingSafeEqual } from 'node:crypto';

const newSecret = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of two secrets (a wrong guess takes as long as a nearly right one). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The three secrets of one browser-mode launch, each good for one thing only:
 * - the launch code, in the address printed in the terminal: exchanged ONCE for the API token (then a new
 *   code replaces it, for another tab or browser). A code in browser history or a server log is spent.
 * - the API token: `Authorization: Bearer` on /api/*. It is handed only to the page that exchanged a code
 *   (in the answer to a same-origin POST), lives in that page's memory and sessionStorage, and is never in
 *   a URL or a cookie.
 * - the asset cookie: lets the browser load the page's scripts and styles. Cookies are not separated by
 *   port, so any other program listening on 127.0.0.1 that the browser visits receives it — which is why
 *   it opens nothing but the renderer's (public) files and is worth nothing on /api/*.
 */
export class LaunchSecrets {
  readonly apiToken = newSecret();
  readonly assetCookie = newSecret();
  private code = newSecret();

  constructor(private readonly onCodeSpent: (nextCode: string) => void = () => {}) {}

  /** The code of the next launch address (not yet exchanged). */
  get launchCode(): string {
    return this.code;
  }

  /** Whether `code` is the launch code not yet exchanged (the page it opens gets the asset cookie). */
  isLaunchCode(code: string): boolean {
    return sameSecret(code, this.code);
  }

  /** The API token for the launch code, once: the code is spent and a new one made. Null for any other code. */
  exchange(code: string): string | null {
    if (!this.isLaunchCode(code)) return null;
    this.code = newSecret();
    this.onCodeSpent(this.code);
    return this.apiToken;
  }

  isApiToken(presented: string): boolean {
    return sameSecret(presented, this.apiToken);
  }

  isAssetCookie(presented: string): boolean {
    return sameSecret(presented, this.assetCookie);
  }
}
