import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { PlanItemRow } from './PlanItemRow';
import { usePlanDate } from './use-plan-date';

/** «Пропущено»: earlier items still to do, said kindly. Nothing at all when there are none. */
export function PlanLate({ plan }: { plan: LearningPlan }) {
  const t = useT();
  const formatDate = usePlanDate();
  if (plan.lateItems.length === 0) return null;
  return (
    <section className="card plan-section plan-late" aria-labelledby="plan-late-title" data-testid="plan-late">
      <h2 id="plan-late-title" className="section-title plan-section__title">
        {t('plan.late.title')}
      </h2>
      <p className="plan-late__intro">{t('plan.late.intro')}</p>
      <ul className="plan-items">
        {plan.lateItems.map((item) => (
          <PlanItemRow
            key={`${item.date}:${item.kind}:${item.lessonId}:${item.part}`}
            item={item}
            done={false}
            note={t('plan.late.date', { date: formatDate(item.date, { weekday: true, currentYear: plan.today }) })}
          />
        ))}
      </ul>
    </section>
  );
}
