import { useState } from 'react';
import type { AccountSummary } from '../../../../shared/contract';
import { AccountAvatar } from '../../components/AccountAvatar';
import { roleKey, useT } from '../../i18n';
import { useSession } from '../../session';
import { ResetPasswordForm } from './ResetPasswordForm';

export function AccountsTable({ accounts }: { accounts: readonly AccountSummary[] }) {
  const t = useT();
  const me = useSession((state) => state.user?.id);
  const [resetting, setResetting] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="account-row" data-username={account.username}>
              <th scope="row">
                <span className="table__person">
                  <AccountAvatar account={account} />
                  <span>
                    {account.fullName}
                    {account.id === me && <span className="muted"> {t('admin.you')}</span>}
                  </span>
                </span>
              </th>
              <td>{account.username}</td>
              <td>{t(roleKey(account.role))}</td>
              <td>
                {account.id !== me &&
                  (resetting === account.id ? (
                    <ResetPasswordForm account={account} onDone={() => setResetting(null)} />
                  ) : (
                    <button type="button" className="button button--small-inline" onClick={() => setResetting(account.id)} data-testid="admin-reset-password">
                      {t('admin.resetPassword')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
