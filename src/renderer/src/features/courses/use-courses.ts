import { useCoreEvent } from '../../lib/use-core-event';
import { useCall } from '../../lib/use-call';

/** The catalogue; refreshed in place when the core reports progress in one of its courses. */
export function useCourses() {
  const state = useCall('courses.list', undefined);
  const { data, refresh } = state;
  useCoreEvent('progress.changed', ({ courseId }) => {
    if (data?.some((course) => course.id === courseId)) refresh();
  });
  // A sync may bring new courses of the catalogue as well as progress made on another device.
  useCoreEvent('sync.pulled', refresh);
  return state;
}

/** One course with its lessons; refreshed in place when the core reports progress in it. */
export function useCourse(courseId: string) {
  const state = useCall('courses.get', { courseId });
  const { refresh } = state;
  useCoreEvent('progress.changed', (event) => {
    if (event.courseId === courseId) refresh();
  });
  return state;
}
