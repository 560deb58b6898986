import type { CoreDeps, HandlerGroup } from '../handlers';

export const progressHandlers = ({ session, mutations, now, timeZone }: CoreDeps): HandlerGroup<'progress.completeLesson'> => ({
  'progress.completeLesson': async (input) => {
    const result = await mutations.run(session.requireUserId(), 'progress.completeLesson', {
      ...input,
      at: now().toISOString(),
      timeZone: timeZone(),
    });
    return { lesson: result.lesson, enrolment: result.enrolment };
  },
});
