import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { StudentRow } from './StudentRow';

/** «Ученики»: read-only progress of the students on this computer (teachers and admins). */
export function StudentsPage() {
  const t = useT();
  const progress = useCall('teacher.studentsProgress', undefined);
  const { refresh } = progress;
  useCoreEvent('progress.changed', refresh);
  const students = progress.data;
  return (
    <section className="page">
      <PageTitle title={t('teacher.title')} />
      <p className="page__intro">{t('teacher.intro')}</p>
      {students === undefined ? (
        progress.error ? (
          <ErrorState title={t('teacher.loadError')} error={progress.error} onRetry={progress.reload} />
        ) : (
          <LoadingState message={t('teacher.loading')} />
        )
      ) : students.length === 0 ? (
        <EmptyState title={t('teacher.empty.title')} text={t('teacher.empty.text')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('teacher.student')}</th>
                <th scope="col">{t('teacher.lessonsCompleted')}</th>
                <th scope="col">{t('teacher.courses')}</th>
              </tr>
            </thead>
            <tbody>
              {students.map((entry) => (
                <StudentRow key={entry.student.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
