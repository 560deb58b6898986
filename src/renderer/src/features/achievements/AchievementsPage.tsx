import { ComingSoon } from '../../components/ComingSoon';
import { useT } from '../../i18n';

export function AchievementsPage() {
  const t = useT();
  return <ComingSoon title={t('achievements.title')} text={t('achievements.comingSoon')} />;
}
