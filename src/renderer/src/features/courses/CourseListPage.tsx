import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { CatalogueSearch } from './CatalogueSearch';
import { CourseCard } from './CourseCard';
import { SearchResults } from './SearchResults';
import { useCatalogueSearch } from './use-catalogue-search';
import { useCourses } from './use-courses';

export function CourseListPage() {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const search = useCatalogueSearch(searchText);
  return (
    <section className="page">
      <PageTitle title={t('courses.title')} />
      <p className="page__intro">{t('courses.intro')}</p>
      <CatalogueSearch text={searchText} onChange={setSearchText} />
      {/* The catalogue stays loaded while searching, so clearing the search shows it again at once. */}
      <div hidden={search.query !== null}>
        <Catalogue />
      </div>
      {search.query !== null && <SearchResults search={search} />}
    </section>
  );
}

function Catalogue() {
  const t = useT();
  const { data: courses, error, reload } = useCourses();
  if (courses === undefined) {
    return error ? (
      <ErrorState title={t('courses.loadError')} error={error} onRetry={reload} />
    ) : (
      <LoadingState message={t('courses.loading')} />
    );
  }
  if (courses.length === 0) return <EmptyState title={t('courses.empty.title')} text={t('courses.empty.text')} />;
  return (
    <ul className="course-grid">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} />
        </li>
      ))}
    </ul>
  );
}
