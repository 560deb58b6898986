import { PageTitle } from '../../components/PageTitle';
import { roleKey, useT } from '../../i18n';
import { useSession } from '../../session';
import { AvatarEditor } from './AvatarEditor';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DeleteAccount } from './DeleteAccount';
import { ExportData } from './ExportData';
import { FullNameForm } from './FullNameForm';

/** The signed-in student's own account: name, picture, password, their data. */
export function ProfilePage() {
  const t = useT();
  const user = useSession((state) => state.user);
  if (!user) return null;
  return (
    <section className="page">
      <PageTitle title={t('profile.title')} />
      <div className="card settings-group">
        <h2 className="section-title">{t('profile.account')}</h2>
        <AvatarEditor user={user} />
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('profile.username')}</dt>
            <dd data-testid="profile-username">{user.username}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('profile.email')}</dt>
            <dd>{user.email}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('profile.role')}</dt>
            <dd data-testid="profile-role">{t(roleKey(user.role))}</dd>
          </div>
        </dl>
        <FullNameForm user={user} />
      </div>
      <div className="card settings-group">
        <h2 className="section-title">{t('profile.password')}</h2>
        <ChangePasswordForm />
      </div>
      <div className="card settings-group">
        <h2 className="section-title">{t('profile.data')}</h2>
        <ExportData user={user} />
      </div>
      <div className="card settings-group settings-group--danger">
        <h2 className="section-title">{t('profile.delete')}</h2>
        <DeleteAccount />
      </div>
    </section>
  );
}
