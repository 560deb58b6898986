import type { Enrolment } from '../../../../shared/contract';
import { errorKey, useT } from '../../i18n';
import { useEnrol } from './enrol-action';

export function EnrolButton({ courseId, onEnrolled }: { courseId: string; onEnrolled: (enrolment: Enrolment) => void }) {
  const t = useT();
  const { enrol, pending, error } = useEnrol(courseId, onEnrolled);
  return (
    <div className="enrol">
      <button
        type="button"
        className="button button--primary button--large"
        onClick={() => void enrol()}
        disabled={pending}
        aria-busy={pending}
        data-testid="enrol-button"
      >
        {pending ? t('course.enrolling') : t('course.enrol')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {t('course.enrolError')} {t(errorKey(error.code))}
        </p>
      )}
    </div>
  );
}
