import type { Enrolment, LessonSummary } from '../../../../shared/contract';

/**
 * The lesson «Продолжить» opens: the enrolment's current one, else the first not yet completed, else
 * the first — of the lessons in the course now (a retired one is only there as the student's history).
 */
export function lessonToContinue(lessons: readonly LessonSummary[], enrolment: Pick<Enrolment, 'currentLessonNumber'>): LessonSummary | null {
  const ordered = lessons.filter((lesson) => !lesson.retired).sort((a, b) => a.number - b.number);
  return (
    ordered.find((lesson) => lesson.number === enrolment.currentLessonNumber) ??
    ordered.find((lesson) => lesson.status === 'not_started' || lesson.status === 'in_progress') ??
    ordered[0] ??
    null
  );
}
