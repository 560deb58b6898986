import { describe, expect, it } from 'vitest';
import type { LessonSummary } from '../../../../shared/contract';
import { lessonToContinue, pathStepOf } from './continue-lesson';

const lesson = (number: number, status: LessonSummary['status'] = 'not_started', retired = false): LessonSummary => ({
  id: `00000000-0000-4000-8000-0000000000${retired ? 'f' : '0'}${number}`,
  number,
  title: `Урок ${number}`,
  topic: 'Тема',
  description: '',
  status,
  score: null,
  mastery: 'not_started',
  retired,
});

describe('the lesson «Продолжить» opens', () => {
  it('is the enrolment’s current lesson', () => {
    const lessons = [lesson(3), lesson(1, 'completed'), lesson(2)];
    expect(lessonToContinue(lessons, { currentLessonNumber: 2 })?.number).toBe(2);
  });

  it('is the next unfinished lesson when the current one is done', () => {
    const lessons = [lesson(1, 'completed'), lesson(2, 'completed'), lesson(3), lesson(4)];
    expect(lessonToContinue(lessons, { currentLessonNumber: 2 })?.number).toBe(3);
    expect(lessonToContinue([lesson(1), lesson(2, 'completed')], { currentLessonNumber: 2 })?.number).toBe(1);
    expect(lessonToContinue([lesson(1, 'completed'), lesson(2, 'reviewed')], { currentLessonNumber: 2 })?.number).toBe(2);
  });

  it('falls back to the first lesson not completed, then to the first', () => {
    expect(lessonToContinue([lesson(2), lesson(1, 'completed')], { currentLessonNumber: 9 })?.number).toBe(2);
    expect(lessonToContinue([lesson(2, 'completed'), lesson(1, 'completed')], { currentLessonNumber: 9 })?.number).toBe(1);
    expect(lessonToContinue([], { currentLessonNumber: 1 })).toBeNull();
  });

  it('is never a lesson that left the course, even one with the current number', () => {
    const lessons = [lesson(2, 'in_progress', true), lesson(1, 'completed'), lesson(2)];
    expect(lessonToContinue(lessons, { currentLessonNumber: 2 })).toMatchObject({ number: 2, retired: false });
    expect(lessonToContinue([lesson(1, 'not_started', true), lesson(1, 'completed')], { currentLessonNumber: 9 })).toMatchObject({ retired: false });
  });
});

describe('the course path', () => {
  it('marks finished lessons done, the next step current and the rest ahead', () => {
    const [first, second, third] = [lesson(1, 'completed'), lesson(2, 'in_progress'), lesson(3)];
    expect(pathStepOf(first!, second!.id)).toBe('done');
    expect(pathStepOf(second!, second!.id)).toBe('current');
    expect(pathStepOf(third!, second!.id)).toBe('ahead');
    expect(pathStepOf(lesson(4, 'reviewed'), null)).toBe('done');
  });
});
