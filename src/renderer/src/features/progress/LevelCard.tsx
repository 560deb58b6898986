import type { MotivationSummary } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';

/** Points and level, with the way to the next level (none at the top). */
export function LevelCard({ summary }: { summary: MotivationSummary }) {
  const t = useT();
  const { totalPoints, level, currentLevelAt, nextLevelAt } = summary;
  const span = nextLevelAt === null ? 0 : nextLevelAt - currentLevelAt;
  const percent = span > 0 ? ((totalPoints - currentLevelAt) / span) * 100 : 100;
  return (
    <section className="card dashboard-stat" aria-labelledby="dashboard-level-title" data-testid="dashboard-level" data-level={level}>
      <h2 id="dashboard-level-title" className="dashboard-stat__label">
        {t('dashboard.level.title', { level })}
      </h2>
      <p className="dashboard-stat__value" data-testid="dashboard-points" data-points={totalPoints}>
        {t('dashboard.level.points', { count: totalPoints })}
      </p>
      {nextLevelAt === null ? (
        <p className="dashboard-stat__note">{t('dashboard.level.top')}</p>
      ) : (
        <>
          <ProgressBar value={percent} label={t('dashboard.level.progressLabel', { level: level + 1 })} />
          <p className="dashboard-stat__note">{t('dashboard.level.toNext', { count: Math.max(0, nextLevelAt - totalPoints), level: level + 1 })}</p>
        </>
      )}
    </section>
  );
}
