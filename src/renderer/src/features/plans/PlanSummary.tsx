import type { Ref } from 'react';
import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { usePlanDate } from './use-plan-date';

interface PlanSummaryProps {
  plan: LearningPlan;
  onRegenerate: () => void;
  /** The heading, to take the focus after the plan is (re)made. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The plan's settings at a glance, and «Пересоставить план». */
export function PlanSummary({ plan, onRegenerate, headingRef }: PlanSummaryProps) {
  const t = useT();
  const formatDate = usePlanDate();
  const { settings } = plan;
  const days = [...settings.studyDays]
    .sort((a, b) => a - b)
    .map((day) => t(`plan.weekday.${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`))
    .join(', ');
  return (
    <section className="card plan-summary" aria-labelledby="plan-summary-title" data-testid="plan-summary">
      <h2 id="plan-summary-title" ref={headingRef} tabIndex={-1} className="section-title plan-summary__title">
        {t('plan.summary.title')}
      </h2>
      <dl className="plan-summary__facts">
        <div className="plan-summary__fact">
          <dt>{t('plan.summary.target')}</dt>
          <dd data-testid="plan-summary-target">{formatDate(settings.targetDate, { currentYear: plan.today })}</dd>
        </div>
        <div className="plan-summary__fact">
          <dt>{t('plan.summary.days')}</dt>
          <dd data-testid="plan-summary-days">{days}</dd>
        </div>
        <div className="plan-summary__fact">
          <dt>{t('plan.summary.time')}</dt>
          <dd data-testid="plan-summary-minutes">{t('plan.summary.minutesPerDay', { count: settings.minutesPerDay })}</dd>
        </div>
        {plan.projectedEndDate && (
          <div className={plan.fitsBeforeTarget ? 'plan-summary__fact' : 'plan-summary__fact plan-summary__fact--late'}>
            <dt>{t('plan.summary.end')}</dt>
            <dd data-testid="plan-summary-end">{formatDate(plan.projectedEndDate, { currentYear: plan.today })}</dd>
          </div>
        )}
      </dl>
      <button type="button" className="button plan-summary__regenerate" onClick={onRegenerate} data-testid="plan-regenerate">
        {t('plan.regenerate')}
      </button>
    </section>
  );
}
