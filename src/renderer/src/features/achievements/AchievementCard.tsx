import type { AchievementView } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { localeOf, useLanguage, useT } from '../../i18n';
import { formatStudiedDate } from '../exams/exam-view';
import { AchievementIcon } from './AchievementIcon';
import { achievementDescription, achievementPercent, achievementTitle } from './achievement-text';

/** One achievement: unlocked with its date, or greyed with how far the student is towards it. */
export function AchievementCard({ achievement }: { achievement: AchievementView }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const title = achievementTitle(t, achievement);
  const unlocked = achievement.unlockedAt !== null;
  const date = formatStudiedDate(achievement.unlockedAt, localeOf(language));
  const current = Math.min(achievement.current, achievement.criteriaValue);
  return (
    <li
      className={`card achievement ${unlocked ? 'achievement--unlocked' : 'achievement--locked'}`}
      data-testid="achievement"
      data-name={achievement.name}
      data-unlocked={unlocked}
    >
      <span className="achievement__icon">
        <AchievementIcon name={achievement.iconName} />
      </span>
      <div className="achievement__body">
        <h2 className="achievement__title">{title}</h2>
        <p className="achievement__description">{achievementDescription(t, achievement)}</p>
        {unlocked ? (
          <p className="achievement__state" data-testid="achievement-date">
            {date ? t('achievements.unlockedOn', { date }) : t('achievements.unlocked')}
          </p>
        ) : (
          <div className="achievement__progress" data-testid="achievement-progress">
            <span className="visually-hidden">{t('achievements.locked')}</span>
            <ProgressBar value={achievementPercent(current, achievement.criteriaValue)} label={t('achievements.progressLabel', { title })} />
            <p className="achievement__count">{t('achievements.progress', { current, target: achievement.criteriaValue })}</p>
          </div>
        )}
        <p className="achievement__points">{t('achievements.points', { count: achievement.pointsReward })}</p>
      </div>
    </li>
  );
}
