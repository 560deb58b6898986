import type { ExamTask } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { masteryKey } from './exam-view';

/** The lessons behind one task number, as links into the lessons. */
export function TaskLessons({ task }: { task: ExamTask }) {
  const t = useT();
  return (
    <div className="task-lessons" data-testid="exam-task-lessons" data-task-number={task.taskNumber}>
      <h4 className="task-lessons__title">{t('exams.taskLessons', { number: task.taskNumber })}</h4>
      <p className="muted">
        {t(masteryKey(task.mastery))}
        {task.bestScore !== null && ` · ${t('exams.bestScore', { score: task.bestScore })}`}
      </p>
      <ul className="task-lessons__list">
        {task.lessons.map((lesson) => (
          <li key={lesson.lessonId}>
            <a href={hrefFor({ name: 'lesson', lessonId: lesson.lessonId })} data-testid="exam-task-lesson" data-lesson-id={lesson.lessonId}>
              {lesson.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
