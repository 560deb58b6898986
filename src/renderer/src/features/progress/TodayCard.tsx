import type { MotivationSummary } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';

/** Today's study minutes against the daily goal. */
export function TodayCard({ summary }: { summary: MotivationSummary }) {
  const t = useT();
  const { todayMinutes, dailyGoalMinutes } = summary;
  const reached = todayMinutes >= dailyGoalMinutes;
  return (
    <section className="card dashboard-stat" aria-labelledby="dashboard-today-title" data-testid="dashboard-today" data-minutes={todayMinutes}>
      <h2 id="dashboard-today-title" className="dashboard-stat__label">
        {t('dashboard.today.title')}
      </h2>
      <p className="dashboard-stat__value">{t('dashboard.today.minutes', { count: todayMinutes })}</p>
      <ProgressBar value={(todayMinutes / dailyGoalMinutes) * 100} label={t('dashboard.today.progressLabel')} />
      <p className="dashboard-stat__note">
        {reached ? t('dashboard.today.reached') : t('dashboard.today.goal', { count: dailyGoalMinutes })}
      </p>
    </section>
  );
}
