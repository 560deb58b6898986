import { ComingSoon } from '../../components/ComingSoon';
import { useT } from '../../i18n';

export function ChatPage() {
  const t = useT();
  return <ComingSoon title={t('chat.title')} text={t('chat.comingSoon')} />;
}
