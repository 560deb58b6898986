import { useEffect, useRef } from 'react';
import { ToastHost } from '../features/motivation/ToastHost';
import { useT } from '../i18n';
import { rescueFocus } from '../lib/focus';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { useRoute } from './router';
import { hrefFor } from './routes';
import { RouteView } from './RouteView';

/** The app of a signed-in student: header, navigation and the page of the current route. */
export function Shell() {
  const t = useT();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  // After navigating, start reading (and tabbing) at the new page, as a page load would.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      // Signed in: the sign-in form that had the focus is gone. Start at the page, not on <body>.
      rescueFocus(main.current);
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
      {/* Before the header in the tab order: a toast's «Закрыть» is a Tab or two away, not after every link of the page. */}
      <ToastHost />
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
