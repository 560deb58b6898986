import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { AppVersion } from './AppVersion';
import { LanguageSwitch } from './LanguageSwitch';

export function SettingsPage() {
  const t = useT();
  return (
    <section className="page">
      <PageTitle title={t('settings.title')} />
      <div className="card settings-group">
        <LanguageSwitch />
      </div>
      <div className="card settings-group">
        <h2 className="section-title">{t('settings.about')}</h2>
        <AppVersion />
      </div>
    </section>
  );
}
