import type { MasteryLevel } from '../../../../shared/mastery';
import { useT } from '../../i18n';

/** A lesson's mastery as a labelled badge (its rules: README «Learning»); text, not colour alone. */
export function MasteryBadge({ level }: { level: MasteryLevel }) {
  const t = useT();
  if (level === 'not_started') return null;
  return (
    <span className={`badge badge--mastery badge--mastery-${level.replace('_', '-')}`} data-testid="mastery-badge" data-mastery={level} title={t('mastery.hint')}>
      {t(`mastery.${level}`)}
    </span>
  );
}
