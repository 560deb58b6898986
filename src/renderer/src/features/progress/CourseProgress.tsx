import type { Dashboard } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { ProgressBar } from '../../components/ProgressBar';
import { enrolmentStatusKey, useT } from '../../i18n';
import { DashboardSection } from './DashboardSection';

/** How far the student is in each course they took up. */
export function CourseProgress({ courses }: { courses: Dashboard['courses'] }) {
  const t = useT();
  const completed = courses.filter((course) => course.status === 'completed').length;
  return (
    <DashboardSection
      title={t('dashboard.courses.title')}
      testId="dashboard-courses"
      summary={t('dashboard.courses.summary', { count: courses.length, done: completed })}
      empty={
        courses.length === 0 ? (
          <p>
            {t('dashboard.courses.empty')} <a href={hrefFor({ name: 'courses' })}>{t('dashboard.toCourses')}</a>
          </p>
        ) : undefined
      }
    >
      <ul className="course-bars">
        {courses.map((course) => (
          <li key={course.courseId} className="course-bars__item" data-testid="dashboard-course" data-course-id={course.courseId}>
            <div className="course-bars__head">
              <a href={hrefFor({ name: 'course', courseId: course.courseId })} className="course-bars__title">
                {course.title}
              </a>
              <span className="muted">{t(enrolmentStatusKey(course.status))}</span>
            </div>
            <ProgressBar value={course.progressPercentage} label={t('dashboard.courses.progressLabel', { title: course.title })} showValue />
            <p className="muted">{t('dashboard.courses.lessons', { done: course.completedLessons, count: course.totalLessons })}</p>
          </li>
        ))}
      </ul>
    </DashboardSection>
  );
}
