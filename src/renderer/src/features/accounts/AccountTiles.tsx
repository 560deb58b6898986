import type { SignInTile } from '../../../../shared/contract';
import { AccountAvatar } from '../../components/AccountAvatar';
import { useT } from '../../i18n';

/** The accounts of this computer as large buttons, like the user list of a shared school computer. */
export function AccountTiles({ accounts, onPick }: { accounts: readonly SignInTile[]; onPick: (account: SignInTile) => void }) {
  const t = useT();
  return (
    <ul className="account-tiles" aria-label={t('signIn.accountsLabel')}>
      {accounts.map((account) => (
        <li key={account.username}>
          <button
            type="button"
            className="tile-button account-tile"
            onClick={() => onPick(account)}
            data-testid="account-tile"
            data-username={account.username}
          >
            <AccountAvatar account={account} size="large" />
            <span className="account-tile__name">{account.fullName}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
