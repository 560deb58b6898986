import type { CoreDeps, HandlerGroup } from '../handlers';
import { runMutation } from '../mutations/run-mutation';
import { listAchievements } from './achievements-list';
import { dashboard } from './dashboard';
import { localDay } from './local-day';
import { markAchievementsSeen } from './refresh-motivation';
import { motivationSummary } from './summary';

type MotivationMethods = 'motivation.summary' | 'motivation.dashboard' | 'achievements.list' | 'achievements.markSeen';

export const motivationHandlers = ({ db, session, now, timeZone }: CoreDeps): HandlerGroup<MotivationMethods> => ({
  'motivation.summary': async () => motivationSummary(db, session.requireUserId(), localDay(now(), timeZone())),
  'motivation.dashboard': async () => dashboard(db, session.requireUserId(), localDay(now(), timeZone()), timeZone()),
  'achievements.list': async () => listAchievements(db, session.requireUserId()),
  'achievements.markSeen': async ({ achievementIds }) => ({
    updated: await runMutation(
      db,
      session.requireUserId(),
      'achievements.markSeen',
      (tx, userId, args) => markAchievementsSeen(tx, userId, args.achievementIds),
      { achievementIds, at: now().toISOString() },
    ),
  }),
});
