import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { useAppInfo } from '../lib/app-info-store';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { useRoute } from './router';
import { hrefFor } from './routes';
import { RouteView } from './RouteView';

export function App() {
  const t = useT();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    void useAppInfo.getState().load();
  }, []);

  // After navigating, start reading (and tabbing) at the new page, as a page load would.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('app.skipToContent')}
      </button>
      <Header />
      <Navigation />
      <main ref={main} id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary key={hrefFor(route)}>
          <RouteView route={route} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
