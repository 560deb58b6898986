import type { AiSettings } from '../../../../shared/contract';
import { useT } from '../../i18n';

/** «Сейчас отвечает …»: the teacher this student gets now, and whose setting chose it. */
export function EffectiveTeacher({ effective }: { effective: AiSettings['effective'] }) {
  const t = useT();
  const who =
    effective.provider === 'offline'
      ? t('aiSettings.effective.offline')
      : t('aiSettings.effective.model', { model: effective.model ?? '—', url: effective.baseUrl ?? '—' });
  const source =
    effective.source === 'user'
      ? t('aiSettings.source.user')
      : effective.source === 'computer'
        ? t('aiSettings.source.computer')
        : effective.source === 'school'
          ? t('aiSettings.source.school')
          : t('aiSettings.source.default');
  return (
    <p className="notice ai-effective" data-testid="ai-effective" data-provider={effective.provider} data-source={effective.source}>
      <span className="notice__title">{t('aiSettings.effective', { who })}</span> <span>{source}</span>
    </p>
  );
}
