import type { LessonSummary } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { LessonStatusBadge } from './LessonStatusBadge';

export function LessonList({ lessons }: { lessons: readonly LessonSummary[] }) {
  const t = useT();
  if (lessons.length === 0) return <p className="muted">{t('course.noLessons')}</p>;
  const ordered = [...lessons].sort((a, b) => a.number - b.number);
  return (
    <ol className="lesson-list">
      {ordered.map((lesson) => (
        <li key={lesson.id} className="lesson" data-testid="lesson-item" data-lesson-id={lesson.id} data-status={lesson.status}>
          <span className="lesson__number" aria-hidden="true">
            {lesson.number}
          </span>
          <div className="lesson__body">
            <h3 className="lesson__title">
              <span className="visually-hidden">{t('lesson.number', { number: lesson.number })}. </span>
              {lesson.title}
            </h3>
            <p className="lesson__topic">{lesson.topic}</p>
          </div>
          <div className="lesson__state">
            <LessonStatusBadge status={lesson.status} />
            {lesson.score !== null && <span className="lesson__score">{t('lesson.score', { score: lesson.score })}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
