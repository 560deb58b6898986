import type { CourseSummary } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { CourseMeta } from './CourseMeta';

/** One course of the catalogue; the whole card opens the course. */
export function CourseCard({ course }: { course: CourseSummary }) {
  const t = useT();
  return (
    <article className="card course-card" data-testid="course-card" data-course-id={course.id} data-retired={course.retired}>
      <h2 className="course-card__title">
        <a className="course-card__link" href={hrefFor({ name: 'course', courseId: course.id })}>
          {course.title}
        </a>
      </h2>
      <CourseMeta course={course} />
      {course.retired && <p className="badge badge--not-started">{t('course.retired')}</p>}
      {course.enrolment && (
        <div className="course-card__progress" data-testid="course-card-progress">
          <ProgressBar value={course.enrolment.progressPercentage} label={t('course.cardProgressLabel', { title: course.title })} showValue />
          <p className="course-card__progress-text">
            {t('course.progressText', { done: course.enrolment.completedLessons, count: course.enrolment.totalLessons })}
          </p>
        </div>
      )}
    </article>
  );
}
