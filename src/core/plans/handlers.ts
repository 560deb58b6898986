import type { CoreDeps, HandlerGroup } from '../handlers';
import { notFound } from '../errors/app-error';
import { runMutation } from '../mutations/run-mutation';
import { generateLearningPlan, getLearningPlan, localDate } from './plans-service';

export const plansHandlers = ({ db, session, events, now, timeZone }: CoreDeps): HandlerGroup<'plans.get' | 'plans.generate'> => ({
  'plans.get': async ({ courseId }) => getLearningPlan(db, session.requireUserId(), courseId, now()),
  'plans.generate': async ({ courseId, ...settings }) => {
    const userId = session.requireUserId();
    const at = now();
    await runMutation(db, userId, 'plan.generate', generateLearningPlan, { courseId, ...settings, today: localDate(at), at: at.toISOString(), timeZone: timeZone() }, events);
    const plan = await getLearningPlan(db, userId, courseId, at);
    if (!plan) throw notFound('Learning plan');
    return plan;
  },
});
