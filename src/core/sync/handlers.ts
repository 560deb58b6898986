import type { SessionUser } from '../../shared/contract';
import { findAccount, recordSignIn } from '../accounts/accounts-service';
import { notFound } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { lockedBySchool } from '../school/school-policy';
import { SyncFailed, toAppError } from './sync-failure';

type SyncMethods =
  | 'sync.status'
  | 'sync.now'
  | 'sync.linkRegister'
  | 'sync.linkSignIn'
  | 'sync.signInFromServer'
  | 'sync.unlink'
  | 'sync.devices'
  | 'sync.revokeDevice';

/** One spelling of an address: no trailing slash. */
const normalise = (url: string) => url.trim().replace(/\/+$/, '');

/** Failures of the sync engine reach the page as AppErrors with the reason as their `sync` issue. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncFailed) throw toAppError(error);
    throw error;
  }
}

export const syncHandlers = ({ db, session, events, sync, school, now, timeZone }: CoreDeps): HandlerGroup<SyncMethods> => {
  /** The signed-in student (the engine syncs only them). */
  const current = () => {
    const userId = session.requireUserId();
    sync.activate(userId);
    return userId;
  };

  /** When the school fixed the server, no other one may be linked. */
  const serverUrlFor = (typed: string) => {
    const url = normalise(typed);
    const schoolUrl = school.view().syncServerUrl;
    if (school.isLocked('syncServerUrl') && schoolUrl && normalise(schoolUrl) !== url) throw lockedBySchool('syncServerUrl');
    return url;
  };

  const account = async (userId: string): Promise<SessionUser> => {
    const user = await findAccount(db, userId);
    if (!user) throw notFound('Account');
    return user;
  };

  return {
    'sync.status': async () => sync.status(current()),
    'sync.now': async () => sync.syncNow(current()),
    'sync.linkRegister': async ({ serverUrl, password }) =>
      explained(() => sync.linkRegister(current(), { serverUrl: serverUrlFor(serverUrl), password })),
    'sync.linkSignIn': async ({ serverUrl, login, password }) => {
      const userId = current();
      const linked = await explained(() => sync.linkSignIn(userId, { serverUrl: serverUrlFor(serverUrl), login, password }));
      const user = await account(linked.userId);
      if (linked.userId !== userId) {
        // The server's account replaced this one here: the student goes on as it.
        session.signIn(user);
        events.emit('session.changed', { userId: user.id });
      }
      return { user, status: linked.status };
    },
    'sync.signInFromServer': async ({ serverUrl, login, password }) => {
      const { userId } = await explained(() => sync.signInFromServer({ serverUrl: serverUrlFor(serverUrl), login, password }));
      const user = await account(userId);
      await recordSignIn(db, user.id, now(), timeZone());
      session.signIn(user);
      events.emit('session.changed', { userId: user.id });
      return user;
    },
    'sync.unlink': async () => sync.unlink(current()),
    'sync.devices': async () => ({ devices: await explained(() => sync.devices(current())) }),
    'sync.revokeDevice': async ({ deviceId }) => ({ devices: await explained(() => sync.revokeDevice(current(), deviceId)) }),
  };
};
