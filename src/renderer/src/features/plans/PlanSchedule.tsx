import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { isItemDone } from './plan-items';
import { PlanItemRow } from './PlanItemRow';
import { usePlanDate } from './use-plan-date';

/** Every study session by date; sessions after the target date and what is already done are marked. */
export function PlanSchedule({ plan }: { plan: LearningPlan }) {
  const t = useT();
  const formatDate = usePlanDate();
  if (plan.sessions.length === 0) return null;
  return (
    <section className="plan-schedule" aria-labelledby="plan-schedule-title" data-testid="plan-schedule">
      <h2 id="plan-schedule-title" className="section-title">
        {t('plan.schedule.title')}
      </h2>
      <ol className="plan-sessions">
        {plan.sessions.map((session) => {
          const today = session.date === plan.today;
          const past = session.date < plan.today;
          const classes = ['plan-session', today && 'plan-session--today', past && 'plan-session--past', session.afterTarget && 'plan-session--late'];
          return (
            <li
              key={session.date}
              className={classes.filter(Boolean).join(' ')}
              data-testid="plan-session"
              data-date={session.date}
              data-after-target={session.afterTarget}
              aria-current={today ? 'date' : undefined}
            >
              <h3 className="plan-session__date">
                {formatDate(session.date, { weekday: true, currentYear: plan.today, capitalize: true })}
                {today && <span className="badge badge--info">{t('plan.session.today')}</span>}
                {session.afterTarget && <span className="badge plan-badge--late">{t('plan.session.afterTarget')}</span>}
              </h3>
              <ul className="plan-items">
                {session.items.map((item) => (
                  <PlanItemRow key={`${item.kind}:${item.lessonId}:${item.part}`} item={item} done={isItemDone(item, plan.lessonStatuses)} />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
