import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { AchievementCard } from './AchievementCard';
import { sortAchievements } from './achievement-text';
import './achievements.css';

/** «Достижения»: every achievement of the catalogue, the ones earned first. */
export function AchievementsPage() {
  const t = useT();
  const list = useCall('achievements.list', undefined);
  const { refresh } = list;
  useCoreEvent('achievement.unlocked', refresh);
  useCoreEvent('motivation.changed', refresh);
  useCoreEvent('progress.changed', refresh);
  useCoreEvent('sync.pulled', refresh);
  const achievements = list.data;
  const unlocked = achievements?.filter((achievement) => achievement.unlockedAt !== null).length ?? 0;
  return (
    <section className="page" data-testid="achievements-page">
      <PageTitle title={t('achievements.title')} />
      <p className="page__intro">{t('achievements.intro')}</p>
      {achievements === undefined ? (
        list.error ? (
          <ErrorState title={t('achievements.loadError')} error={list.error} onRetry={list.reload} />
        ) : (
          <LoadingState message={t('achievements.loading')} />
        )
      ) : achievements.length === 0 ? (
        <EmptyState title={t('achievements.empty.title')} text={t('achievements.empty.text')} testId="achievements-empty" />
      ) : (
        <>
          <p className="achievements__summary" data-testid="achievements-summary">
            {t('achievements.summary', { done: unlocked, count: achievements.length })}
          </p>
          <ul className="achievement-grid">
            {sortAchievements(achievements).map((achievement) => (
              <AchievementCard key={achievement.id} achievement={achievement} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
