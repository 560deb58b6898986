import type { SessionUser } from '../../shared/contract';
import { findAccount, recordSignIn } from '../accounts/accounts-service';
import { notFound } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { lockedBySchool } from '../school/school-policy';
import { canonicalServerUrl, sameServer, serverTrust } from './server-trust';
import { SyncFailed, toAppError } from './sync-failure';
import { dismissRejections, listRejections } from './sync-rejections';

type SyncMethods =
  | 'sync.status'
  | 'sync.now'
  | 'sync.linkRegister'
  | 'sync.linkSignIn'
  | 'sync.signInFromServer'
  | 'sync.serverTrust'
  | 'sync.setServerTrust'
  | 'sync.unlink'
  | 'sync.rejections'
  | 'sync.dismissRejections'
  | 'sync.devices'
  | 'sync.revokeDevice'
  | 'sync.renameDevice';


/** Failures of the sync engine reach the page as AppErrors with the reason as their `sync` issue. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncFailed) throw toAppError(error);
    throw error;
  }
}

export const syncHandlers = ({ db, session, events, mutations, sync, school, now, timeZone }: CoreDeps): HandlerGroup<SyncMethods> => {
  /** The signed-in student (the engine syncs only them). */
  const current = () => {
    const userId = session.requireUserId();
    sync.activate(userId);
    return userId;
  };

  /** When the school fixed the server, no other one may be linked. */
  const serverUrlFor = (typed: string) => {
    const url = canonicalServerUrl(typed);
    const schoolUrl = school.view().syncServerUrl;
    if (school.isLocked('syncServerUrl') && schoolUrl && !sameServer(schoolUrl, url)) throw lockedBySchool('syncServerUrl');
    return url;
  };

  const trust = serverTrust(db, () => school.view().syncServerUrl);

  /** The server's account took this one's place here: the student goes on as it. */
  const switchTo = (user: SessionUser) => {
    session.signIn(user);
    events.emit('session.changed', { userId: user.id });
  };

  const account = async (userId: string): Promise<SessionUser> => {
    const user = await findAccount(db, userId);
    if (!user) throw notFound('Account');
    return user;
  };

  return {
    'sync.status': async () => sync.status(current()),
    'sync.now': async () => sync.syncNow(current()),
    'sync.linkRegister': async ({ serverUrl, password }) => {
      const userId = current();
      const linked = await explained(() => sync.linkRegister(userId, { serverUrl: serverUrlFor(serverUrl), password }));
      if (linked.userId !== userId) switchTo(await account(linked.userId));
      return linked.status;
    },
    'sync.linkSignIn': async ({ serverUrl, login, password }) => {
      const userId = current();
      const linked = await explained(() => sync.linkSignIn(userId, { serverUrl: serverUrlFor(serverUrl), login, password }));
      const user = await account(linked.userId);
      if (linked.userId !== userId) switchTo(user);
      return { user, status: linked.status };
    },
    'sync.signInFromServer': async ({ serverUrl, login, password }) => {
      const url = serverUrlFor(serverUrl);
      const { userId } = await explained(async () => sync.signInFromServer({ serverUrl: url, login, password, trusted: await trust.isTrusted(url) }));
      const user = await account(userId);
      await recordSignIn(mutations, user.id, now(), timeZone());
      session.signIn(user);
      events.emit('session.changed', { userId: user.id });
      return user;
    },
    'sync.serverTrust': async () => trust.view(),
    'sync.setServerTrust': async ({ serverUrl, trusted }) => trust.set(serverUrl, trusted, now()),
    'sync.unlink': async () => sync.unlink(current()),
    'sync.rejections': async () => listRejections(db, session.requireUserId()),
    'sync.dismissRejections': async () => {
      const userId = session.requireUserId();
      await dismissRejections(db, userId);
      return listRejections(db, userId);
    },
    'sync.devices': async () => ({ devices: await explained(() => sync.devices(current())) }),
    'sync.revokeDevice': async ({ deviceId }) => ({ devices: await explained(() => sync.revokeDevice(current(), deviceId)) }),
    'sync.renameDevice': async ({ deviceId, name }) => ({ devices: await explained(() => sync.renameDevice(current(), deviceId, name)) }),
  };
};
