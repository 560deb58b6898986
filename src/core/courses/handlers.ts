import type { CoreDeps, HandlerGroup } from '../handlers';
import { runMutation } from '../mutations/run-mutation';
import { enrolInCourse, setEnrolmentStatus } from './enrol';
import { getCourse, listCourses } from './queries';

export const coursesHandlers = ({ db, session, events, now, timeZone }: CoreDeps): HandlerGroup<'courses.list' | 'courses.get' | 'courses.enrol' | 'courses.setStatus'> => ({
  'courses.list': async () => listCourses(db, session.requireUserId()),
  'courses.get': async ({ courseId }) => getCourse(db, session.requireUserId(), courseId),
  'courses.enrol': async ({ courseId }) => {
    const enrolment = await runMutation(db, session.requireUserId(), 'course.enrol', enrolInCourse, {
      courseId,
      at: now().toISOString(),
      timeZone: timeZone(),
    }, events);
    events.emit('progress.changed', { courseId });
    return enrolment;
  },
  'courses.setStatus': async ({ courseId, status }) => {
    const enrolment = await runMutation(db, session.requireUserId(), 'course.setStatus', setEnrolmentStatus, {
      courseId,
      status,
      at: now().toISOString(),
    });
    events.emit('progress.changed', { courseId });
    return enrolment;
  },
});
