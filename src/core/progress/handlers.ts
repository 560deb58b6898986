import type { CoreDeps, HandlerGroup } from '../handlers';
import { runMutation } from '../mutations/run-mutation';
import { completeLesson } from './complete-lesson';

export const progressHandlers = ({ db, session, events, now, timeZone }: CoreDeps): HandlerGroup<'progress.completeLesson'> => ({
  'progress.completeLesson': async (input) => {
    const result = await runMutation(db, session.requireUserId(), 'lesson.complete', completeLesson, {
      ...input,
      at: now().toISOString(),
      timeZone: timeZone(),
    }, events);
    events.emit('progress.changed', { courseId: result.courseId });
    return { lesson: result.lesson, enrolment: result.enrolment };
  },
});
