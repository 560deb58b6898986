import { useId, useState } from 'react';
import type { ExamPreparation } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { ProgressBar } from '../../components/ProgressBar';
import { localeOf, subjectKey, useLanguage, useT } from '../../i18n';
import { examShortKey, formatStudiedDate } from './exam-view';
import { MasteryLegend } from './MasteryLegend';
import { TaskGrid } from './TaskGrid';
import { TaskLessons } from './TaskLessons';

/** One exam and subject: progress over its topics, the grid of task numbers, and what to study next. */
export function ExamCard({ exam }: { exam: ExamPreparation }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const lessonsId = useId();
  const [selected, setSelected] = useState<number | null>(null);
  const title = t('exams.cardTitle', { exam: t(examShortKey(exam.examType)), subject: t(subjectKey(exam.subject)) });
  const studied = formatStudiedDate(exam.lastStudiedAt, localeOf(language));
  const selectedTask = exam.tasks.find((task) => task.taskNumber === selected);
  return (
    <article className="card exam-card" data-testid="exam-card" data-exam-type={exam.examType} data-subject={exam.subject}>
      <h2 className="exam-card__title">{title}</h2>
      <div className="exam-card__progress" data-testid="exam-progress">
        <ProgressBar value={exam.progressPercentage} label={t('exams.progressLabel', { exam: title })} showValue />
        <p>{t('exams.progress', { done: exam.topicsCompleted, count: exam.totalTopics })}</p>
      </div>
      <p className="muted" data-testid="exam-last-studied">
        {studied ? t('exams.lastStudied', { date: studied }) : t('exams.notStarted')}
      </p>

      <h3 className="exam-card__subtitle">{t('exams.tasks')}</h3>
      {exam.tasks.length === 0 ? (
        <p className="muted">{t('exams.noTasks')}</p>
      ) : (
        <>
          <p className="setting__hint">{t('exams.tasksHint')}</p>
          <TaskGrid
            tasks={exam.tasks}
            selected={selected}
            controls={lessonsId}
            onSelect={(taskNumber) => setSelected((current) => (current === taskNumber ? null : taskNumber))}
          />
          <MasteryLegend />
        </>
      )}
      <div id={lessonsId} className="exam-card__lessons" aria-live="polite">
        {selectedTask && <TaskLessons task={selectedTask} />}
      </div>

      <div className="exam-next">
        <h3 className="exam-card__subtitle">{t('exams.next')}</h3>
        {exam.next ? (
          <a className="exam-next__link" href={hrefFor({ name: 'lesson', lessonId: exam.next.lessonId })} data-testid="exam-next">
            {t('exams.nextLesson', { number: exam.next.taskNumber, title: exam.next.title })}
          </a>
        ) : (
          <p data-testid="exam-next">{exam.tasks.length > 0 ? t('exams.allMastered') : t('exams.noNext')}</p>
        )}
      </div>
    </article>
  );
}
