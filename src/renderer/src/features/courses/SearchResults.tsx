import type { SearchResult } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useT } from '../../i18n';
import type { CatalogueSearch } from './use-catalogue-search';

/** What the search found: courses, then lessons («Курс · Урок N · Название»); or why there is nothing. */
export function SearchResults({ search }: { search: CatalogueSearch }) {
  const t = useT();
  const { result, error, searching, retry } = search;
  if (error) return <ErrorState title={t('courses.search.error')} error={error} onRetry={retry} />;
  if (!result) return <LoadingState message={t('courses.search.searching')} />;
  const count = result.courses.length + result.lessons.length;
  return (
    <div className="search-results" aria-busy={searching} data-testid="search-results" data-searching={searching}>
      <p className="visually-hidden" role="status">
        {searching ? t('courses.search.searching') : count === 0 ? t('courses.search.empty') : t('courses.search.found', { count })}
      </p>
      {count === 0 ? (
        <EmptyState title={t('courses.search.empty')} text={t('courses.search.emptyHint')} testId="search-empty" />
      ) : (
        <>
          {result.courses.length > 0 && <CourseResults courses={result.courses} />}
          {result.lessons.length > 0 && <LessonResults lessons={result.lessons} />}
        </>
      )}
    </div>
  );
}

function CourseResults({ courses }: { courses: SearchResult['courses'] }) {
  const t = useT();
  return (
    <section aria-labelledby="search-courses">
      <h2 id="search-courses" className="section-title">
        {t('courses.search.courses')}
      </h2>
      <ul className="search-results__list">
        {courses.map((course) => (
          <li key={course.id} className="search-result">
            <a href={hrefFor({ name: 'course', courseId: course.id })} className="search-result__link" data-testid="search-result-course">
              {course.title}
            </a>
            {course.description && <p className="search-result__text">{course.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LessonResults({ lessons }: { lessons: SearchResult['lessons'] }) {
  const t = useT();
  return (
    <section aria-labelledby="search-lessons">
      <h2 id="search-lessons" className="section-title">
        {t('courses.search.lessons')}
      </h2>
      <ul className="search-results__list">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="search-result">
            <a href={hrefFor({ name: 'lesson', lessonId: lesson.id })} className="search-result__link" data-testid="search-result-lesson">
              {t('courses.search.lesson', { course: lesson.courseTitle, number: lesson.number, title: lesson.title })}
            </a>
            <p className="search-result__text">{lesson.topic}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
