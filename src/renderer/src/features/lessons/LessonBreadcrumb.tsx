import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';

/** Курсы › the lesson's course › Урок N; the course is one click back. */
export function LessonBreadcrumb({ courseId, courseTitle, number }: { courseId: string; courseTitle: string; number: number }) {
  const t = useT();
  return (
    <nav aria-label={t('lesson.breadcrumb')}>
      <ol className="breadcrumb">
        <li className="breadcrumb__item">
          <a href={hrefFor({ name: 'courses' })}>{t('courses.title')}</a>
        </li>
        <li className="breadcrumb__item">
          <a href={hrefFor({ name: 'course', courseId })} data-testid="lesson-course-link">
            {courseTitle}
          </a>
        </li>
        <li className="breadcrumb__item" aria-current="page">
          {t('lesson.number', { number })}
        </li>
      </ol>
    </nav>
  );
}
