import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { nextSessionDate } from './plan-items';
import { PlanItemRow } from './PlanItemRow';
import { usePlanDate } from './use-plan-date';

/** «Сегодня»: what is left of today's session, or that today is done or free. */
export function PlanToday({ plan }: { plan: LearningPlan }) {
  const t = useT();
  const formatDate = usePlanDate();
  const hasSessionToday = plan.sessions.some((session) => session.date === plan.today);
  const next = nextSessionDate(plan);
  return (
    <section className="card plan-section plan-today" aria-labelledby="plan-today-title" data-testid="plan-today">
      <h2 id="plan-today-title" className="section-title plan-section__title">
        {t('plan.today.title')}
        <span className="plan-section__date">{formatDate(plan.today, { weekday: true, currentYear: plan.today })}</span>
      </h2>
      {plan.todayItems.length > 0 ? (
        <ul className="plan-items">
          {plan.todayItems.map((item) => (
            <PlanItemRow key={`${item.kind}:${item.lessonId}:${item.part}`} item={item} done={false} />
          ))}
        </ul>
      ) : (
        <p className="plan-today__empty">
          {hasSessionToday ? t('plan.today.done') : t('plan.today.rest')}
          {next && ` ${t('plan.today.next', { date: formatDate(next, { weekday: true, currentYear: plan.today }) })}`}
        </p>
      )}
    </section>
  );
}
