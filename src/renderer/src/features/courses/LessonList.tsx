import type { LessonSummary } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { LessonStatusBadge } from './LessonStatusBadge';
import { MasteryBadge } from '../review/MasteryBadge';

/** The course's lessons in order; each row opens its lesson. */
export function LessonList({ lessons }: { lessons: readonly LessonSummary[] }) {
  const t = useT();
  if (lessons.length === 0) return <p className="muted">{t('course.noLessons')}</p>;
  // The course's lessons in order; those that left it (kept for this student's history) after them.
  const ordered = [...lessons].sort((a, b) => Number(a.retired) - Number(b.retired) || a.number - b.number);
  return (
    <ol className="lesson-list">
      {ordered.map((lesson) => (
        <li key={lesson.id} className="lesson" data-testid="lesson-item" data-lesson-id={lesson.id} data-status={lesson.status} data-retired={lesson.retired}>
          <span className="lesson__number" aria-hidden="true">
            {lesson.number}
          </span>
          <div className="lesson__body">
            <h3 className="lesson__title">
              <a className="lesson__link" href={hrefFor({ name: 'lesson', lessonId: lesson.id })} data-testid="lesson-link">
                <span className="visually-hidden">{t('lesson.number', { number: lesson.number })}. </span>
                {lesson.title}
              </a>
            </h3>
            <p className="lesson__topic">{lesson.topic}</p>
          </div>
          <div className="lesson__state">
            {lesson.retired && <span className="badge badge--not-started">{t('lesson.retired')}</span>}
            <LessonStatusBadge status={lesson.status} />
            <MasteryBadge level={lesson.mastery} />
            {lesson.score !== null && <span className="lesson__score">{t('lesson.score', { score: lesson.score })}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
