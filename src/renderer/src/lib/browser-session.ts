import { HTTP_SESSION_PATH, LAUNCH_CODE_PARAM } from '../../../shared/seam';

const STORAGE_KEY = 'teacher-ai.api-token';

export interface BrowserSessionDeps {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'state' | 'replaceState'>;
  /** sessionStorage: per tab and per origin (so per port), gone when the tab closes. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  fetch: typeof fetch;
}

/** Removes `?code=…` from the address bar without reloading, keeping the other parameters and the hash. */
function hideFromAddressBar(url: URL, history: BrowserSessionDeps['history']): void {
  url.searchParams.delete(LAUNCH_CODE_PARAM);
  const query = url.searchParams.toString();
  history.replaceState(history.state, '', `${url.pathname}${query ? `?${query}` : ''}${url.hash}`);
}

async function exchange(code: string, doFetch: typeof fetch): Promise<string | null> {
  try {
    const response = await doFetch(HTTP_SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const body = (await response.json()) as { ok?: unknown; value?: { token?: unknown } };
    return body.ok === true && typeof body.value?.token === 'string' ? body.value.token : null;
  } catch {
    return null;
  }
}

/**
 * Browser mode's API token. The page is opened with a one-time launch code (`?code=…`), which is taken out
 * of the address bar at once and exchanged — once — for the token; the token is kept in this tab's memory
 * and sessionStorage (so a reload keeps working) and is never put in a URL or a cookie. A spent code (the
 * address opened again, or from history) falls back to the token this tab already has, if any.
 *
 * Starts at once (the code leaves the address bar before anything renders); resolves null when the page
 * has no way to the API.
 */
export function startBrowserSession(deps: BrowserSessionDeps): () => Promise<string | null> {
  const url = new URL(deps.location.href);
  const code = url.searchParams.get(LAUNCH_CODE_PARAM);
  if (code !== null) hideFromAddressBar(url, deps.history);
  const stored = (() => {
    try {
      return deps.storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  })();
  const token = (async () => {
    const fresh = code ? await exchange(code, deps.fetch) : null;
    if (!fresh) return stored;
    try {
      deps.storage?.setItem(STORAGE_KEY, fresh);
    } catch {
      // Storage can be unavailable; the token then lives only in memory until the page reloads.
    }
    return fresh;
  })();
  return () => token;
}

/** The page's own session storage, or null where the browser refuses it. */
export function pageStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
