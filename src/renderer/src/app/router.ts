import { create } from 'zustand';
import { DEFAULT_ROUTE, hrefFor, parseHash, type Route } from './routes';

interface RouterState {
  route: Route;
}

/** The current route, kept equal to `location.hash`; back and forward are the browser's own. */
export const useRouter = create<RouterState>()(() => ({ route: DEFAULT_ROUTE }));

function syncWithLocation(): void {
  const route = parseHash(window.location.hash);
  if (route === null) {
    // An empty hash shows the default screen and says so in the address, without a new history entry.
    history.replaceState(history.state, '', hrefFor(DEFAULT_ROUTE));
  }
  useRouter.setState({ route: route ?? DEFAULT_ROUTE });
}

/** Starts following the address hash; returns the function that stops it. */
export function startRouter(): () => void {
  syncWithLocation();
  window.addEventListener('hashchange', syncWithLocation);
  return () => window.removeEventListener('hashchange', syncWithLocation);
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export const useRoute = (): Route => useRouter((state) => state.route);
