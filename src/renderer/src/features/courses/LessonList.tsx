import type { LessonSummary } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { pathStepOf } from './continue-lesson';
import { LessonStatusBadge } from './LessonStatusBadge';
import './course-path.css';
import { MasteryBadge } from '../review/MasteryBadge';

/**
 * The course as a path: its lessons in order, each row opening its lesson, the finished ones marked
 * done and the next step (`nextLessonId`, for an enrolled student) standing out.
 */
export function LessonList({ lessons, nextLessonId = null }: { lessons: readonly LessonSummary[]; nextLessonId?: string | null }) {
  const t = useT();
  if (lessons.length === 0) return <p className="muted">{t('course.noLessons')}</p>;
  // The course's lessons in order; those that left it (kept for this student's history) after them.
  const ordered = [...lessons].sort((a, b) => Number(a.retired) - Number(b.retired) || a.number - b.number);
  return (
    <ol className="lesson-list lesson-path">
      {ordered.map((lesson) => {
        const step = pathStepOf(lesson, nextLessonId);
        return (
          <li
            key={lesson.id}
            className={`lesson lesson--${step}`}
            data-testid="lesson-item"
            data-lesson-id={lesson.id}
            data-status={lesson.status}
            data-step={step}
            data-retired={lesson.retired}
          >
            <span className="lesson__number" aria-hidden="true">
              {step === 'done' ? '✓' : lesson.number}
            </span>
            <div className="lesson__body">
              <h3 className="lesson__title">
                <a
                  className="lesson__link"
                  href={hrefFor({ name: 'lesson', lessonId: lesson.id })}
                  aria-current={step === 'current' ? 'step' : undefined}
                  data-testid="lesson-link"
                >
                  <span className="visually-hidden">{t('lesson.number', { number: lesson.number })}. </span>
                  {lesson.title}
                </a>
              </h3>
              <p className="lesson__topic">{lesson.topic}</p>
            </div>
            <div className="lesson__state">
              {step === 'current' && <span className="badge lesson__next-step">{t('course.path.next')}</span>}
              {lesson.retired && <span className="badge badge--not-started">{t('lesson.retired')}</span>}
              <LessonStatusBadge status={lesson.status} />
              <MasteryBadge level={lesson.mastery} />
              {lesson.score !== null && <span className="lesson__score">{t('lesson.score', { score: lesson.score })}</span>}
              {!lesson.retired && (
                <a className="lesson__practice" href={hrefFor({ name: 'practice', lessonId: lesson.id })} data-testid="lesson-practice-link">
                  {t('practice.open')}
                  <span className="visually-hidden">: {t('lesson.number', { number: lesson.number })}</span>
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
