import { useId, type Ref } from 'react';
import type { CourseSummary } from '../../../../shared/contract';
import { difficultyKey, subjectKey, useT, type TextKey } from '../../i18n';
import { EXAM_FILTERS, filterOptions, type CourseFilters, type ExamFilter } from './filter-courses';

const examFilterKey = (exam: ExamFilter): TextKey => `courses.filter.exam.${exam}`;

interface CatalogueFiltersProps {
  courses: readonly CourseSummary[];
  filters: CourseFilters;
  onChange: (filters: CourseFilters) => void;
  /** Shows «Сбросить фильтры» in the row (the empty result has its own). */
  onReset?: () => void;
  /** The first select, to take the focus back after a reset. */
  firstRef?: Ref<HTMLSelectElement>;
}

/** Subject, grade, exam and level selects above the catalogue; they only offer values some course has. */
export function CatalogueFilters({ courses, filters, onChange, onReset, firstRef }: CatalogueFiltersProps) {
  const t = useT();
  const options = filterOptions(courses);
  return (
    <div className="filters" role="group" aria-label={t('courses.filter.label')}>
      <FilterSelect
        label={t('courses.filter.subject')}
        value={filters.subject ?? ''}
        options={[
          { value: '', label: t('courses.filter.subjectAll') },
          ...options.subjects.map((subject) => ({ value: subject, label: t(subjectKey(subject)) })),
        ]}
        onChange={(value) => onChange({ ...filters, subject: options.subjects.find((subject) => subject === value) ?? null })}
        testId="filter-subject"
        selectRef={firstRef}
      />
      <FilterSelect
        label={t('courses.filter.grade')}
        value={filters.grade === null ? '' : String(filters.grade)}
        options={[
          { value: '', label: t('courses.filter.gradeAll') },
          ...options.grades.map((grade) => ({ value: String(grade), label: t('course.grade', { grade }) })),
        ]}
        onChange={(value) => onChange({ ...filters, grade: options.grades.find((grade) => String(grade) === value) ?? null })}
        testId="filter-grade"
      />
      <FilterSelect
        label={t('courses.filter.exam')}
        value={filters.exam}
        options={EXAM_FILTERS.map((exam) => ({ value: exam, label: t(examFilterKey(exam)) }))}
        onChange={(value) => onChange({ ...filters, exam: EXAM_FILTERS.find((exam) => exam === value) ?? 'all' })}
        testId="filter-exam"
      />
      <FilterSelect
        label={t('courses.filter.difficulty')}
        value={filters.difficulty ?? ''}
        options={[
          { value: '', label: t('courses.filter.difficultyAll') },
          ...options.difficulties.map((difficulty) => ({ value: difficulty, label: t(difficultyKey(difficulty)) })),
        ]}
        onChange={(value) =>
          onChange({ ...filters, difficulty: options.difficulties.find((difficulty) => difficulty === value) ?? null })
        }
        testId="filter-difficulty"
      />
      {onReset && <ResetFiltersButton onReset={onReset} />}
    </div>
  );
}

export function ResetFiltersButton({ onReset }: { onReset: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button" onClick={onReset} data-testid="filter-reset">
      {t('courses.filter.reset')}
    </button>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
  selectRef?: Ref<HTMLSelectElement>;
}

function FilterSelect({ label, value, options, onChange, testId, selectRef }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="field filters__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        ref={selectRef}
        id={id}
        className="field__input field__select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
