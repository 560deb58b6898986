import type { LearningPlan, PlanItem } from '../../../../shared/contract/plans';

/**
 * Whether an item of the plan is already done: a lesson once it is completed (or reviewed), a review
 * once the lesson has been reviewed.
 */
export function isItemDone(item: Pick<PlanItem, 'kind' | 'lessonId'>, statuses: LearningPlan['lessonStatuses']): boolean {
  const status = statuses[item.lessonId];
  if (item.kind === 'review') return status === 'reviewed';
  return status === 'completed' || status === 'reviewed';
}

/** The first study day after today that still has something to do. */
export function nextSessionDate(plan: LearningPlan): string | null {
  const next = plan.sessions.find((session) => session.date > plan.today && session.items.some((item) => !isItemDone(item, plan.lessonStatuses)));
  return next?.date ?? null;
}
