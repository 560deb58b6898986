import { TOKEN_QUERY_PARAM } from '../../../shared/seam';

const STORAGE_KEY = 'teacher-ai.launch-token';

let cached: string | null | undefined;

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage can be unavailable; the token then lives only in memory until the page reloads.
  }
}

/** Removes `?token=…` from the address bar without reloading, keeping the other parameters and the hash. */
function hideFromAddressBar(url: URL): void {
  url.searchParams.delete(TOKEN_QUERY_PARAM);
  const query = url.searchParams.toString();
  history.replaceState(history.state, '', `${url.pathname}${query ? `?${query}` : ''}${url.hash}`);
}

/**
 * The browser-mode launch token: taken from the page address on first load, kept in sessionStorage
 * (so a reload of the tab keeps working) and removed from the visible address.
 */
export function launchToken(): string | null {
  if (cached !== undefined) return cached;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    store(fromUrl);
    hideFromAddressBar(url);
    cached = fromUrl;
  } else {
    cached = readStored();
  }
  return cached;
}
