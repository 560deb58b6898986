import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSession } from '../../session';
import { AchievementIcon } from '../achievements/AchievementIcon';
import { useRefreshOn, useStudySignal } from './study-signal';

/** Points, level and (unless the student hid it) the streak, in the header; a link to «Прогресс». */
export function HeaderMotivation() {
  const t = useT();
  const summary = useCall('motivation.summary', undefined);
  const { refresh } = summary;
  useCoreEvent('motivation.changed', refresh);
  useCoreEvent('progress.changed', refresh);
  // Points earned on another device: re-read quietly (no toast, that was celebrated there).
  useCoreEvent('sync.pulled', refresh);
  // Minutes reported from a lesson may complete today's goal (and so the streak).
  const studied = useStudySignal((state) => state.recorded);
  const hideSetting = useSession((state) => state.preferences?.otherSettings.hideStreaks);
  const data = summary.data;
  useRefreshOn(studied, refresh);
  if (!data) return null;
  const hideStreaks = hideSetting ?? data.hideStreaks;
  const label = [
    t('motivation.header.points', { count: data.totalPoints }),
    t('motivation.header.level', { level: data.level }),
    ...(hideStreaks ? [] : [t('motivation.header.streak', { count: data.streak.current })]),
  ].join(', ');
  return (
    // Named by what it shows (WCAG 2.5.3: a voice user says what they see); the words come as its description.
    <a className="header-motivation" href={hrefFor({ name: 'progress' })} title={label} data-testid="header-motivation">
      <span className="header-motivation__item" data-testid="header-points" data-points={data.totalPoints}>
        <AchievementIcon name="star" size={18} />
        {t('motivation.header.pointsShort', { points: data.totalPoints })}
      </span>
      <span className="header-motivation__item header-motivation__level" data-testid="header-level" data-level={data.level}>
        {t('motivation.header.levelShort', { level: data.level })}
      </span>
      {!hideStreaks && (
        <span
          className={`header-motivation__item header-motivation__streak${data.streak.todayQualified ? ' header-motivation__streak--today' : ''}`}
          data-testid="header-streak"
          data-streak={data.streak.current}
        >
          <AchievementIcon name="flame" size={18} />
          {t('motivation.header.streakShort', { count: data.streak.current })}
        </span>
      )}
    </a>
  );
}
