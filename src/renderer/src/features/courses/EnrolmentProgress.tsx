import type { Enrolment } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { enrolmentStatusKey, useT } from '../../i18n';

/** Where the student stands in a course they are enrolled in. */
export function EnrolmentProgress({ enrolment }: { enrolment: Enrolment }) {
  const t = useT();
  return (
    <div className="enrolment">
      <p className="enrolment__status" role="status" data-testid="enrolment-status">{t(enrolmentStatusKey(enrolment.status))}</p>
      <ProgressBar value={enrolment.progressPercentage} label={t('course.progressLabel')} showValue />
      <p className="enrolment__text" data-testid="course-progress">
        {t('course.progressText', { done: enrolment.completedLessons, count: enrolment.totalLessons })}
      </p>
    </div>
  );
}
