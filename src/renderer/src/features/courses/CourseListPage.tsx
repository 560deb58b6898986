import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { CourseCard } from './CourseCard';
import { useCourses } from './use-courses';

export function CourseListPage() {
  const t = useT();
  const { data: courses, error, reload } = useCourses();
  return (
    <section className="page">
      <PageTitle title={t('courses.title')} />
      <p className="page__intro">{t('courses.intro')}</p>
      {courses === undefined ? (
        error ? (
          <ErrorState title={t('courses.loadError')} error={error} onRetry={reload} />
        ) : (
          <LoadingState message={t('courses.loading')} />
        )
      ) : courses.length === 0 ? (
        <EmptyState title={t('courses.empty.title')} text={t('courses.empty.text')} />
      ) : (
        <ul className="course-grid">
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
