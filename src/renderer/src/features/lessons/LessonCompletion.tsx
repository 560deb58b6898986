import { useEffect, useRef } from 'react';
import { hrefFor } from '../../app/routes';
import { errorKey, useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import type { CompletedLesson } from './use-complete-lesson';

interface LessonCompletionProps {
  completed: CompletedLesson | null;
  onComplete: () => void;
  pending: boolean;
  error: ApiError | null;
  courseId: string;
  nextLessonId: string | null;
}

/** «Завершить урок», then the result and the way on: the next lesson, or back to the course. */
export function LessonCompletion({ completed, onComplete, pending, error, courseId, nextLessonId }: LessonCompletionProps) {
  const t = useT();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (completed) title.current?.focus();
  }, [completed]);

  if (!completed) {
    return (
      <div className="lesson-completion">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={onComplete}
          aria-busy={pending}
          data-testid="complete-lesson"
        >
          {pending ? t('lesson.completing') : t('lesson.complete')}
        </button>
        {error && (
          <p className="form-error" role="alert" data-testid="complete-lesson-error">
            {t('lesson.completeError')} {t(errorKey(error.code))}
          </p>
        )}
      </div>
    );
  }

  const { lesson, enrolment } = completed;
  return (
    <section className="card lesson-result" aria-labelledby="lesson-result-title" data-testid="lesson-result">
      <h2 id="lesson-result-title" ref={title} tabIndex={-1} className="section-title">
        {t('lesson.completed')}
      </h2>
      {lesson.score !== null && <p className="lesson-result__score">{t('lesson.score', { score: lesson.score })}</p>}
      <p>{t('lesson.time', { count: lesson.timeSpentMinutes })}</p>
      <p className="muted" data-testid="lesson-result-course">
        {t('course.progressText', { done: enrolment.completedLessons, count: enrolment.totalLessons })}
      </p>
      <div className="form__actions">
        {nextLessonId && (
          <a className="button button--primary" href={hrefFor({ name: 'lesson', lessonId: nextLessonId })} data-testid="next-lesson">
            {t('lesson.next')}
            <span aria-hidden="true"> →</span>
          </a>
        )}
        <a className="button" href={hrefFor({ name: 'course', courseId })} data-testid="back-to-course">
          {t('lesson.backToCourse')}
        </a>
      </div>
    </section>
  );
}
