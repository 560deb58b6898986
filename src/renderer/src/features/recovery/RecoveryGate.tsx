import { useEffect, useState, type ReactNode } from 'react';
import type { RecoveryStatus } from '../../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { RecoveryScreen } from './RecoveryScreen';

type Active = Extract<RecoveryStatus, { active: true }>;

/**
 * Before the app: asks the core whether it could open its database. If not, the recovery screen
 * instead of a blank or broken app; otherwise the app. A failing question is left to the app itself,
 * which shows its own start-up error.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [status, setStatus] = useState<Active | 'ok' | 'checking'>('checking');
  useEffect(() => {
    let current = true;
    api.call('recovery.status').then(
      (answer) => current && setStatus(answer.active ? answer : 'ok'),
      () => current && setStatus('ok'),
    );
    return () => {
      current = false;
    };
  }, []);
  if (status === 'checking') {
    return (
      <div className="app-start">
        <LoadingState message={t('app.loading')} />
      </div>
    );
  }
  return status === 'ok' ? <>{children}</> : <RecoveryScreen status={status} />;
}
