import type { CourseSummary } from '../../../../shared/contract';
import { DIFFICULTY_LEVELS, EXAM_TYPES, SUBJECTS, type Difficulty, type ExamType, type Subject } from '../../../../shared/domain';

/** «Все», one exam, or the school courses (those that prepare for no exam). */
export type ExamFilter = 'all' | ExamType | 'school';
export const EXAM_FILTERS: readonly ExamFilter[] = ['all', ...EXAM_TYPES, 'school'];

/** The catalogue's filters; null (or 'all') means «any». */
export interface CourseFilters {
  subject: Subject | null;
  grade: number | null;
  exam: ExamFilter;
  difficulty: Difficulty | null;
}

export const NO_FILTERS: CourseFilters = { subject: null, grade: null, exam: 'all', difficulty: null };

export const isFiltered = (filters: CourseFilters): boolean =>
  filters.subject !== null || filters.grade !== null || filters.exam !== 'all' || filters.difficulty !== null;

const matchesExam = (course: CourseSummary, exam: ExamFilter): boolean =>
  exam === 'all' ? true : exam === 'school' ? course.examType === null : course.examType === exam;

/** The courses that pass every filter, in the catalogue's order. */
export function filterCourses(courses: readonly CourseSummary[], filters: CourseFilters): CourseSummary[] {
  return courses.filter(
    (course) =>
      (filters.subject === null || course.subject === filters.subject) &&
      (filters.grade === null || course.grade === filters.grade) &&
      matchesExam(course, filters.exam) &&
      (filters.difficulty === null || course.difficulty === filters.difficulty),
  );
}

export interface FilterOptions {
  /** In the domain's order of subjects. */
  subjects: Subject[];
  /** Ascending. */
  grades: number[];
  /** Easy to hard. */
  difficulties: Difficulty[];
}

/** The choices worth offering: only the values some course actually has. */
export function filterOptions(courses: readonly CourseSummary[]): FilterOptions {
  const subjects = new Set(courses.map((course) => course.subject));
  const grades = new Set(courses.flatMap((course) => (course.grade === null ? [] : [course.grade])));
  const difficulties = new Set(courses.map((course) => course.difficulty));
  return {
    subjects: SUBJECTS.filter((subject) => subjects.has(subject)),
    grades: [...grades].sort((a, b) => a - b),
    difficulties: DIFFICULTY_LEVELS.filter((difficulty) => difficulties.has(difficulty)),
  };
}
