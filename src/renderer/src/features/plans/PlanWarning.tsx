import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { usePlanDate } from './use-plan-date';

/** Said plainly when the lessons do not fit before the chosen date, with what to change. */
export function PlanWarning({ plan }: { plan: LearningPlan }) {
  const t = useT();
  const formatDate = usePlanDate();
  if (plan.fitsBeforeTarget || !plan.projectedEndDate) return null;
  const target = formatDate(plan.settings.targetDate, { currentYear: plan.today });
  const end = formatDate(plan.projectedEndDate, { currentYear: plan.today });
  return (
    <div className="plan-warning" role="status" data-testid="plan-warning">
      <span className="plan-warning__icon" aria-hidden="true">
        ⚠
      </span>
      <p>{t('plan.warning', { target, end })}</p>
    </div>
  );
}
