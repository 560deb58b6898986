import type { CoreDeps, HandlerGroup } from '../handlers';
import { countPendingMutations } from '../outbox/outbox';

export const appHandlers = ({ db, session, appVersion }: CoreDeps): HandlerGroup<'app.info'> => ({
  'app.info': async () => {
    const userId = session.currentUserId;
    return { version: appVersion, pendingChanges: userId ? await countPendingMutations(db, userId) : 0 };
  },
});
