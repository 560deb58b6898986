import { useRef, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { ReviewLink } from '../review/ReviewLink';
import { CatalogueFilters, ResetFiltersButton } from './CatalogueFilters';
import { CatalogueSearch } from './CatalogueSearch';
import { CourseCard } from './CourseCard';
import { NO_FILTERS, filterCourses, isFiltered } from './filter-courses';
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
      <ReviewLink />
      <CatalogueSearch text={searchText} onChange={setSearchText} />
      {/* The catalogue (with its filters) stays loaded while searching, so clearing the search shows it again at once. */}
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
  const [filters, setFilters] = useState(NO_FILTERS);
  const firstFilter = useRef<HTMLSelectElement>(null);
  if (courses === undefined) {
    return error ? (
      <ErrorState title={t('courses.loadError')} error={error} onRetry={reload} />
    ) : (
      <LoadingState message={t('courses.loading')} />
    );
  }
  if (courses.length === 0) return <EmptyState title={t('courses.empty.title')} text={t('courses.empty.text')} />;
  const shown = filterCourses(courses, filters);
  const reset = () => {
    setFilters(NO_FILTERS);
    // The button that was pressed may disappear with the empty result.
    firstFilter.current?.focus();
  };
  return (
    <>
      <CatalogueFilters
        courses={courses}
        filters={filters}
        onChange={setFilters}
        onReset={isFiltered(filters) && shown.length > 0 ? reset : undefined}
        firstRef={firstFilter}
      />
      {shown.length === 0 ? (
        <EmptyState title={t('courses.filter.empty')} text={t('courses.filter.emptyHint')} testId="filter-empty">
          <ResetFiltersButton onReset={reset} />
        </EmptyState>
      ) : (
        <ul className="course-grid">
          {shown.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
