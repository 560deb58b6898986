import { useEffect } from 'react';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { SignInScreen } from '../features/accounts/SignInScreen';
import { useT } from '../i18n';
import { useAppInfo } from '../lib/app-info-store';
import { useSchoolPolicy } from '../lib/school-policy-store';
import { useCoreEvent } from '../lib/use-core-event';
import { useSession } from '../session';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';

/** Signed out: the sign-in screen of this computer. Signed in: the app, started afresh for each account. */
export function App() {
  const t = useT();
  const status = useSession((state) => state.status);
  const userId = useSession((state) => state.user?.id);
  const error = useSession((state) => state.error);
  const load = useSession((state) => state.load);

  useEffect(() => {
    void load();
    void useAppInfo.getState().load();
    void useSchoolPolicy.getState().load();
  }, [load]);

  // Another window may sign in or out, or change this account: ask the core again.
  useCoreEvent('session.changed', () => void load());

  switch (status) {
    case 'loading':
      return (
        <div className="app-start">
          <LoadingState message={t('app.loading')} />
        </div>
      );
    case 'failed':
      return (
        <div className="app-start">
          {error && (
            <ErrorState
              title={t('app.loadError')}
              error={error}
              // Loading asks only public methods: "unauthenticated" here means browser mode refused this tab's API token.
              message={error.code === 'unauthenticated' ? t('app.launchAddressNeeded') : undefined}
              onRetry={() => void load()}
            />
          )}
        </div>
      );
    case 'signedOut':
      return (
        <ErrorBoundary>
          <SignInScreen />
        </ErrorBoundary>
      );
    case 'signedIn':
      return <Shell key={userId} />;
  }
}
