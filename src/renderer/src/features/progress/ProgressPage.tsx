import { ComingSoon } from '../../components/ComingSoon';
import { useT } from '../../i18n';

export function ProgressPage() {
  const t = useT();
  return <ComingSoon title={t('progress.title')} text={t('progress.comingSoon')} />;
}
