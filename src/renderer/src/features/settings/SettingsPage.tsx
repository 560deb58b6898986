import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { AiTeacherSettings } from './AiTeacherSettings';
import { AppVersion } from './AppVersion';
import { BackupsSection } from '../backups/BackupsSection';
import { DailyGoalSetting } from './DailyGoalSetting';
import { ExportDiagnostics } from '../diagnostics/ExportDiagnostics';
import { LanguageSetting } from './LanguageSetting';
import { MotivationSettings } from './MotivationSettings';
import { SchoolConfigStatus } from './SchoolConfigStatus';
import { SpeechSettings } from './SpeechSettings';
import { ThemeSetting } from './ThemeSetting';
import { SyncSettings } from '../sync/SyncSettings';

/** The student's preferences: applied at once, kept in their account by the core. */
export function SettingsPage() {
  const t = useT();
  const preferences = useSession((state) => state.preferences);
  const admin = useSession((state) => state.user?.role === 'admin');
  return (
    <section className="page">
      <PageTitle title={t('settings.title')} />
      <p className="page__intro">{t('settings.intro')}</p>
      {admin && <SchoolConfigStatus />}
      {preferences ? (
        <>
          <div className="card settings-group">
            {/* Each card has its heading: the settings' own <h3>s never come straight after the page's <h1>. */}
            <h2 className="section-title">{t('settings.appearance')}</h2>
            <LanguageSetting value={preferences.language} />
            <ThemeSetting value={preferences.theme} />
          </div>
          <div className="card settings-group">
            <h2 className="section-title">{t('settings.speech')}</h2>
            <SpeechSettings preferences={preferences} />
          </div>
          <div className="card settings-group">
            <h2 className="section-title">{t('settings.study')}</h2>
            <DailyGoalSetting value={preferences.otherSettings.dailyGoalMinutes} />
          </div>
          <div className="card settings-group" data-testid="motivation-settings">
            <h2 className="section-title">{t('motivation.settings.title')}</h2>
            <MotivationSettings settings={preferences.otherSettings} />
          </div>
        </>
      ) : (
        <LoadingState message={t('common.loading')} />
      )}
      <div className="card settings-group" data-testid="settings-sync">
        <h2 className="section-title">{t('sync.settings.title')}</h2>
        <SyncSettings />
      </div>
      <div className="card settings-group" data-testid="settings-ai">
        <h2 className="section-title">{t('aiSettings.title')}</h2>
        <AiTeacherSettings />
      </div>
      <BackupsSection />
      <div className="card settings-group">
        <h2 className="section-title">{t('settings.about')}</h2>
        <AppVersion />
        <ExportDiagnostics />
      </div>
    </section>
  );
}
