import type { MotivationSummary } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { AchievementIcon } from '../achievements/AchievementIcon';

/** Days in a row, the longest run and the freezes in reserve. Kind words only: a missed day is no failure. */
export function StreakCard({ streak }: { streak: MotivationSummary['streak'] }) {
  const t = useT();
  return (
    <section className="card dashboard-stat" aria-labelledby="dashboard-streak-title" data-testid="dashboard-streak" data-streak={streak.current}>
      <h2 id="dashboard-streak-title" className="dashboard-stat__label">
        {t('dashboard.streak.title')}
      </h2>
      <p className="dashboard-stat__value">
        <span className={`dashboard-streak__flame${streak.todayQualified ? ' dashboard-streak__flame--today' : ''}`}>
          <AchievementIcon name="flame" size={26} />
        </span>
        {t('dashboard.streak.current', { count: streak.current })}
      </p>
      <p className="dashboard-stat__note" data-testid="dashboard-streak-today">
        {streak.todayQualified ? t('dashboard.streak.todayDone') : streak.current > 0 ? t('dashboard.streak.todayOpen') : t('dashboard.streak.start')}
      </p>
      <dl className="dashboard-streak__facts">
        <div>
          <dt>{t('dashboard.streak.longest')}</dt>
          <dd>{t('dashboard.days', { count: streak.longest })}</dd>
        </div>
        <div title={t('dashboard.streak.freezesHint')}>
          <dt>{t('dashboard.streak.freezes')}</dt>
          <dd>{streak.freezesAvailable}</dd>
        </div>
      </dl>
    </section>
  );
}
