import { eq } from 'drizzle-orm';
import { checkPassword, findAccount, isListHidden } from '../accounts/accounts-service';
import { users } from '../db/schema';
import { AppError, notFound } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { exportOwnData } from './export-data';

type ProfileMethods =
  | 'profile.update'
  | 'profile.setAvatar'
  | 'profile.removeAvatar'
  | 'profile.avatar'
  | 'profile.exportData'
  | 'profile.deleteAccount';

export const profileHandlers = (deps: CoreDeps): HandlerGroup<ProfileMethods> => {
  const { db, session, events, mutations, avatars, passwords, now } = deps;

  const currentAccount = async (userId: string) => {
    const account = await findAccount(db, userId);
    if (!account) throw notFound('Account');
    return account;
  };

  const replaceAvatar = async (userId: string, fileName: string | null) => {
    const previous = (await currentAccount(userId)).avatarVersion;
    await db.update(users).set({ avatarUrl: fileName }).where(eq(users.id, userId));
    if (previous !== fileName) avatars.remove(previous);
    events.emit('session.changed', { userId });
    return currentAccount(userId);
  };

  return {
    'profile.update': async ({ fullName }) => {
      const userId = session.requireUserId();
      await mutations.run(userId, 'profile.update', { fullName, at: now().toISOString() });
      events.emit('session.changed', { userId });
      return currentAccount(userId);
    },
    'profile.setAvatar': async ({ mimeType, dataBase64 }) => {
      const userId = session.requireUserId();
      return replaceAvatar(userId, avatars.save(userId, mimeType, dataBase64));
    },
    'profile.removeAvatar': async () => replaceAvatar(session.requireUserId(), null),
    'profile.avatar': async (of) => {
      // Pictures are shown on this computer's sign-in list; when an admin hides the list, only your own.
      const [row] = await db
        .select({ id: users.id, avatarUrl: users.avatarUrl })
        .from(users)
        .where('userId' in of ? eq(users.id, of.userId) : eq(users.username, of.username));
      if (!row?.avatarUrl) return { dataUrl: null };
      if (row.id !== session.currentUserId && (await isListHidden(db))) return { dataUrl: null };
      return { dataUrl: avatars.readDataUrl(row.avatarUrl) };
    },
    'profile.exportData': async () => exportOwnData(db, session.requireUserId(), now()),
    'profile.deleteAccount': async ({ password }) => {
      const userId = session.requireUserId();
      if (!(await checkPassword(db, passwords, userId, password))) {
        throw new AppError('invalid_input', 'The password is wrong', [{ path: 'password', message: 'wrong_password' }]);
      }
      const { avatarVersion } = await currentAccount(userId);
      // Every row of theirs goes with the user row (ON DELETE CASCADE); nobody else's is touched.
      await db.delete(users).where(eq(users.id, userId));
      avatars.remove(avatarVersion);
      deps.attachments.removeAll(userId);
      session.signOut();
      events.emit('session.changed', { userId: null });
      return {};
    },
  };
};
