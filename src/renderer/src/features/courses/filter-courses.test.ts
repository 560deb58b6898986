import { describe, expect, it } from 'vitest';
import type { CourseSummary } from '../../../../shared/contract';
import { NO_FILTERS, filterCourses, filterOptions, isFiltered } from './filter-courses';

const course = (id: string, fields: Partial<CourseSummary>): CourseSummary => ({
  id,
  title: id,
  description: '',
  subject: 'math',
  grade: null,
  examType: null,
  difficulty: 'medium',
  totalLessons: 1,
  estimatedHours: null,
  retired: false,
  enrolment: null,
  ...fields,
});

const fractions = course('fractions', { subject: 'math', grade: 5, difficulty: 'easy' });
const quadratic = course('quadratic', { subject: 'algebra', grade: 8 });
const motion = course('motion', { subject: 'physics', grade: 7 });
const oge = course('oge', { subject: 'math', examType: 'ОГЭ' });
const ege = course('ege', { subject: 'informatics', examType: 'ЕГЭ', difficulty: 'hard' });
const all = [fractions, quadratic, motion, oge, ege];
const ids = (courses: CourseSummary[]) => courses.map((c) => c.id);

describe('catalogue filters', () => {
  it('keeps everything without filters', () => {
    expect(filterCourses(all, NO_FILTERS)).toEqual(all);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('filters by subject, grade and difficulty', () => {
    expect(ids(filterCourses(all, { ...NO_FILTERS, subject: 'math' }))).toEqual(['fractions', 'oge']);
    expect(ids(filterCourses(all, { ...NO_FILTERS, grade: 8 }))).toEqual(['quadratic']);
    expect(ids(filterCourses(all, { ...NO_FILTERS, difficulty: 'hard' }))).toEqual(['ege']);
  });

  it('tells exams from school courses', () => {
    expect(ids(filterCourses(all, { ...NO_FILTERS, exam: 'ОГЭ' }))).toEqual(['oge']);
    expect(ids(filterCourses(all, { ...NO_FILTERS, exam: 'ЕГЭ' }))).toEqual(['ege']);
    expect(ids(filterCourses(all, { ...NO_FILTERS, exam: 'school' }))).toEqual(['fractions', 'quadratic', 'motion']);
  });

  it('combines filters, and may leave nothing', () => {
    const mathSchool = { ...NO_FILTERS, subject: 'math' as const, exam: 'school' as const };
    expect(ids(filterCourses(all, mathSchool))).toEqual(['fractions']);
    expect(isFiltered(mathSchool)).toBe(true);
    expect(filterCourses(all, { ...NO_FILTERS, subject: 'physics', exam: 'ЕГЭ' })).toEqual([]);
  });

  it('offers only the values present, in order', () => {
    expect(filterOptions(all)).toEqual({
      subjects: ['math', 'algebra', 'physics', 'informatics'],
      grades: [5, 7, 8],
      difficulties: ['easy', 'medium', 'hard'],
    });
    expect(filterOptions([])).toEqual({ subjects: [], grades: [], difficulties: [] });
  });
});
