import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { AccountsTable } from './AccountsTable';
import { CreateAccountForm } from './CreateAccountForm';
import { HideListToggle } from './HideListToggle';
import { ImportPackSection } from '../import/ImportPackSection';
import { TrustedServersSection } from './TrustedServersSection';

/** «Управление»: the accounts of this computer and its sign-in screen (admins only). */
export function AdminPage() {
  const t = useT();
  const accounts = useCall('accounts.listAll', undefined);
  return (
    <section className="page">
      <PageTitle title={t('admin.title')} />
      <p className="page__intro">{t('admin.intro')}</p>
      <h2 className="section-title">{t('admin.accounts')}</h2>
      {accounts.data ? (
        <AccountsTable accounts={accounts.data} />
      ) : accounts.error ? (
        <ErrorState title={t('admin.loadError')} error={accounts.error} onRetry={accounts.reload} />
      ) : (
        <LoadingState message={t('admin.loading')} />
      )}
      <div className="card settings-group">
        <h2 className="section-title">{t('admin.create')}</h2>
        <CreateAccountForm onCreated={accounts.refresh} />
      </div>
      <div className="card settings-group">
        <h2 className="section-title">{t('admin.signInScreen')}</h2>
        <HideListToggle />
      </div>
      <TrustedServersSection />
      <ImportPackSection />
    </section>
  );
}
