import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { ExamCard } from './ExamCard';
import { examCardKey } from './exam-view';
import './exams.css';

/** «Экзамены»: for each exam and subject of the catalogue, how far the student got and which task numbers they master. */
export function ExamsPage() {
  const t = useT();
  const overview = useCall('exams.overview', undefined);
  const { refresh } = overview;
  useCoreEvent('progress.changed', refresh);
  useCoreEvent('sync.pulled', refresh);
  const exams = overview.data;
  return (
    <section className="page" data-testid="exams-page">
      <PageTitle title={t('exams.title')} />
      <p className="page__intro">{t('exams.intro')}</p>
      {exams === undefined ? (
        overview.error ? (
          <ErrorState title={t('exams.loadError')} error={overview.error} onRetry={overview.reload} />
        ) : (
          <LoadingState message={t('exams.loading')} />
        )
      ) : exams.length === 0 ? (
        <EmptyState title={t('exams.empty.title')} text={t('exams.empty.text')} testId="exams-empty" />
      ) : (
        <ul className="exam-list">
          {exams.map((exam) => (
            <li key={examCardKey(exam)}>
              <ExamCard exam={exam} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
