import { useEffect, useRef } from 'react';
import type { LearningPlan } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { PlanLate } from './PlanLate';
import { PlanSchedule } from './PlanSchedule';
import { PlanSummary } from './PlanSummary';
import { PlanToday } from './PlanToday';
import { PlanWarning } from './PlanWarning';

interface PlanViewProps {
  plan: LearningPlan;
  onRegenerate: () => void;
  /** Moves the focus to the summary (right after the plan was made, so the student hears the result). */
  focusOnShow?: boolean;
}

/** A made plan: its settings, whether it fits, today, what was missed, and the whole schedule. */
export function PlanView({ plan, onRegenerate, focusOnShow }: PlanViewProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  const nothingLeft = plan.sessions.length === 0 && plan.lateItems.length === 0 && plan.todayItems.length === 0;
  return (
    <>
      <PlanSummary plan={plan} onRegenerate={onRegenerate} headingRef={heading} />
      <PlanWarning plan={plan} />
      {nothingLeft ? (
        <p className="notice" data-testid="plan-all-done">
          {t('plan.summary.allDone')}
        </p>
      ) : (
        <>
          <PlanToday plan={plan} />
          <PlanLate plan={plan} />
          <PlanSchedule plan={plan} />
        </>
      )}
    </>
  );
}
