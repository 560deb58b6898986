import type { CoreDeps, HandlerGroup } from '../handlers';
import { listAchievements } from './achievements-list';
import { dashboard } from './dashboard';
import { localDay } from './local-day';
import { motivationSummary } from './summary';

type MotivationMethods = 'motivation.summary' | 'motivation.dashboard' | 'achievements.list' | 'achievements.markSeen';

export const motivationHandlers = ({ db, session, mutations, now, timeZone }: CoreDeps): HandlerGroup<MotivationMethods> => ({
  'motivation.summary': async () => motivationSummary(db, session.requireUserId(), localDay(now(), timeZone())),
  'motivation.dashboard': async () => dashboard(db, session.requireUserId(), localDay(now(), timeZone()), timeZone()),
  'achievements.list': async () => listAchievements(db, session.requireUserId()),
  'achievements.markSeen': async ({ achievementIds }) => ({
    updated: await mutations.run(session.requireUserId(), 'achievements.markSeen', { achievementIds, at: now().toISOString() }),
  }),
});
