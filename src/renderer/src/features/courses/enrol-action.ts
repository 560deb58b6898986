import { useCallback, useState } from 'react';
import type { Enrolment } from '../../../../shared/contract';
import { api } from '../../lib/api';
import { toApiError, type ApiError } from '../../lib/api-error';

/** «Начать курс»: enrols the student, then lets the page fetch the course again. */
export function useEnrol(courseId: string, onEnrolled: (enrolment: Enrolment) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const enrol = useCallback(async () => {
    setPending(true);
    setError(null);
    try {
      onEnrolled(await api.call('courses.enrol', { courseId }));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setPending(false);
    }
  }, [courseId, onEnrolled]);
  return { enrol, pending, error };
}
