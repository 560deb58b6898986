import type { Dashboard } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSession } from '../../session';
import { useRefreshOn, useStudySignal } from '../motivation/study-signal';
import { ActivityHeatmap } from './ActivityHeatmap';
import { CourseProgress } from './CourseProgress';
import { ExamTasks } from './ExamTasks';
import { LessonScores } from './LessonScores';
import { LevelCard } from './LevelCard';
import { RecentDaysChart } from './RecentDaysChart';
import { StreakCard } from './StreakCard';
import { TodayCard } from './TodayCard';
import { WeekComparison } from './WeekComparison';
import './progress.css';

/** Nothing studied yet: no points, no minutes, no lesson finished. */
const isNewStudent = (dashboard: Dashboard): boolean =>
  dashboard.summary.totalPoints === 0 &&
  dashboard.summary.totalLessonsCompleted === 0 &&
  dashboard.lessonScores.length === 0 &&
  dashboard.heatmap.every((day) => day.minutes === 0);

/** «Прогресс»: points and level, the streak, study time, courses, lesson results and exam tasks. */
export function ProgressPage() {
  const t = useT();
  const dashboard = useCall('motivation.dashboard', undefined);
  const { refresh } = dashboard;
  useCoreEvent('motivation.changed', refresh);
  useCoreEvent('progress.changed', refresh);
  useCoreEvent('sync.pulled', refresh);
  // Minutes reported from a lesson in another part of the app change today's numbers.
  const studied = useStudySignal((state) => state.recorded);
  useRefreshOn(studied, refresh);
  const data = dashboard.data;
  return (
    <section className="page dashboard" data-testid="progress-page">
      <PageTitle title={t('progress.title')} />
      {data === undefined ? (
        dashboard.error ? (
          <ErrorState title={t('dashboard.loadError')} error={dashboard.error} onRetry={dashboard.reload} />
        ) : (
          <LoadingState message={t('dashboard.loading')} />
        )
      ) : (
        <DashboardView dashboard={data} />
      )}
    </section>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  // The settings screen changes these at once; the core's answer follows on the next refresh.
  const settings = useSession((state) => state.preferences?.otherSettings);
  const hideStreaks = settings?.hideStreaks ?? dashboard.summary.hideStreaks;
  const hideComparisons = settings?.hideComparisons ?? dashboard.summary.hideComparisons;
  return (
    <>
      {isNewStudent(dashboard) && (
        <EmptyState title={t('dashboard.empty.title')} text={t('dashboard.empty.text')} testId="dashboard-empty">
          <a className="button button--primary" href={hrefFor({ name: 'courses' })} data-testid="dashboard-to-courses">
            {t('dashboard.toCourses')}
          </a>
        </EmptyState>
      )}
      <div className="dashboard__stats">
        <LevelCard summary={dashboard.summary} />
        <TodayCard summary={dashboard.summary} />
        {!hideStreaks && <StreakCard streak={dashboard.summary.streak} />}
      </div>
      {dashboard.comparison && !hideComparisons && <WeekComparison comparison={dashboard.comparison} />}
      <ActivityHeatmap dashboard={dashboard} />
      <RecentDaysChart dashboard={dashboard} />
      <div className="dashboard__pair">
        <CourseProgress courses={dashboard.courses} />
        <LessonScores scores={dashboard.lessonScores} />
      </div>
      <ExamTasks />
    </>
  );
}
