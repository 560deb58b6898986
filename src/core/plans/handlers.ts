import type { CoreDeps, HandlerGroup } from '../handlers';
import { notFound } from '../errors/app-error';
import { getLearningPlan, localDate } from './plans-service';

export const plansHandlers = ({ db, session, mutations, now, timeZone }: CoreDeps): HandlerGroup<'plans.get' | 'plans.generate'> => ({
  'plans.get': async ({ courseId }) => getLearningPlan(db, session.requireUserId(), courseId, now()),
  'plans.generate': async ({ courseId, ...settings }) => {
    const userId = session.requireUserId();
    const at = now();
    await mutations.run(userId, 'plans.generate', { courseId, ...settings, today: localDate(at), at: at.toISOString(), timeZone: timeZone() });
    const plan = await getLearningPlan(db, userId, courseId, at);
    if (!plan) throw notFound('Learning plan');
    return plan;
  },
});
