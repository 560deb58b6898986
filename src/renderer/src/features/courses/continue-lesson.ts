import type { Enrolment, LessonSummary } from '../../../../shared/contract';

const unfinished = (lesson: LessonSummary) => lesson.status === 'not_started' || lesson.status === 'in_progress';

/**
 * The lesson «Продолжить» opens — the next step of the path: the first unfinished lesson from the
 * enrolment's current one on, else the first unfinished one at all, else the current one, else the
 * first — of the lessons in the course now (a retired one is only there as the student's history).
 */
export function lessonToContinue(lessons: readonly LessonSummary[], enrolment: Pick<Enrolment, 'currentLessonNumber'>): LessonSummary | null {
  const ordered = lessons.filter((lesson) => !lesson.retired).sort((a, b) => a.number - b.number);
  return (
    ordered.find((lesson) => lesson.number >= enrolment.currentLessonNumber && unfinished(lesson)) ??
    ordered.find(unfinished) ??
    ordered.find((lesson) => lesson.number === enrolment.currentLessonNumber) ??
    ordered[0] ??
    null
  );
}

/** Where a lesson stands on the course path: behind the student, the next step, or ahead. */
export type PathStep = 'done' | 'current' | 'ahead';

export function pathStepOf(lesson: LessonSummary, nextLessonId: string | null): PathStep {
  if (lesson.id === nextLessonId) return 'current';
  return unfinished(lesson) ? 'ahead' : 'done';
}
