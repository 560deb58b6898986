import { HeaderMotivation } from '../features/motivation/HeaderMotivation';
import { SyncChip } from '../features/sync/SyncChip';
import { useT } from '../i18n';
import { useSession } from '../session';
import { UserMenu } from './UserMenu';

export function Header() {
  const t = useT();
  const user = useSession((state) => state.user);
  return (
    <header className="app-header">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          T
        </span>
        {t('app.name')}
      </p>
      {user && <HeaderMotivation />}
      {user && <SyncChip />}
      {user && <UserMenu user={user} />}
    </header>
  );
}
