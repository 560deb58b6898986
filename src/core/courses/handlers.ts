import type { CoreDeps, HandlerGroup } from '../handlers';
import { getCourse, listCourses } from './queries';

export const coursesHandlers = ({ db, session, mutations, now, timeZone }: CoreDeps): HandlerGroup<'courses.list' | 'courses.get' | 'courses.enrol' | 'courses.setStatus'> => ({
  'courses.list': async () => listCourses(db, session.requireUserId()),
  'courses.get': async ({ courseId }) => getCourse(db, session.requireUserId(), courseId),
  'courses.enrol': async ({ courseId }) =>
    mutations.run(session.requireUserId(), 'courses.enrol', { courseId, at: now().toISOString(), timeZone: timeZone() }),
  'courses.setStatus': async ({ courseId, status }) =>
    mutations.run(session.requireUserId(), 'courses.setStatus', { courseId, status, at: now().toISOString() }),
});
