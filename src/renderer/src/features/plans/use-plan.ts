import { useCoreEvent } from '../../lib/use-core-event';
import { useCall } from '../../lib/use-call';

/** The course's plan (null when none is made yet); refreshed in place when the core reports progress in the course. */
export function usePlan(courseId: string) {
  const state = useCall('plans.get', { courseId });
  const { refresh } = state;
  useCoreEvent('progress.changed', (event) => {
    if (event.courseId === courseId) refresh();
  });
  return state;
}
