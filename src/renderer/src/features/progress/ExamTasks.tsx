import { useId, useState } from 'react';
import type { ExamPreparation } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { LoadingState } from '../../components/LoadingState';
import { subjectKey, useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { examCardKey, examShortKey } from '../exams/exam-view';
import { MasteryLegend } from '../exams/MasteryLegend';
import { TaskGrid } from '../exams/TaskGrid';
import { TaskLessons } from '../exams/TaskLessons';
import { DashboardSection } from './DashboardSection';
import '../exams/exams.css';

/** An exam counts as studied once the student has done any of its topics. */
export const isStudied = (exam: ExamPreparation): boolean =>
  exam.topicsCompleted > 0 || exam.lastStudiedAt !== null || exam.tasks.some((task) => task.mastery !== 'not_started');

/** The task numbers of the exams the student prepares for, as on «Экзамены». */
export function ExamTasks() {
  const t = useT();
  const overview = useCall('exams.overview', undefined);
  useCoreEvent('progress.changed', overview.refresh);
  useCoreEvent('sync.pulled', overview.refresh);
  const studied = overview.data?.filter(isStudied) ?? [];
  const link = (
    <a href={hrefFor({ name: 'exams' })} data-testid="dashboard-exams-link">
      {t('dashboard.exams.link')}
    </a>
  );
  if (overview.data === undefined) {
    return (
      <DashboardSection title={t('dashboard.exams.title')} testId="dashboard-exams" empty={overview.error ? <p>{link}</p> : undefined}>
        <LoadingState message={t('common.loading')} />
      </DashboardSection>
    );
  }
  return (
    <DashboardSection
      title={t('dashboard.exams.title')}
      testId="dashboard-exams"
      summary={t('dashboard.exams.summary', { count: studied.length })}
      empty={
        studied.length === 0 ? (
          <p>
            {t('dashboard.exams.empty')} {link}
          </p>
        ) : undefined
      }
    >
      {studied.map((exam) => (
        <ExamTaskGrid key={examCardKey(exam)} exam={exam} />
      ))}
      <MasteryLegend />
      <p>{link}</p>
    </DashboardSection>
  );
}

function ExamTaskGrid({ exam }: { exam: ExamPreparation }) {
  const t = useT();
  const lessonsId = useId();
  const [selected, setSelected] = useState<number | null>(null);
  const selectedTask = exam.tasks.find((task) => task.taskNumber === selected);
  return (
    <div className="dashboard-exam" data-testid="dashboard-exam" data-exam-type={exam.examType} data-subject={exam.subject}>
      <h3 className="dashboard-exam__title">{t('exams.cardTitle', { exam: t(examShortKey(exam.examType)), subject: t(subjectKey(exam.subject)) })}</h3>
      <TaskGrid
        tasks={exam.tasks}
        selected={selected}
        controls={lessonsId}
        onSelect={(taskNumber) => setSelected((current) => (current === taskNumber ? null : taskNumber))}
      />
      <div id={lessonsId} aria-live="polite">
        {selectedTask && <TaskLessons task={selectedTask} />}
      </div>
    </div>
  );
}
