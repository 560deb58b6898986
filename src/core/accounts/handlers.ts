import type { CoreDeps, HandlerGroup } from '../handlers';
import { AppError } from '../errors/app-error';
import { findPreferences } from '../preferences/preferences-service';
import {
  checkPassword,
  createAccount,
  findAccount,
  listAccounts,
  recordSignIn,
  registerAccount,
  setListHidden,
  setPassword,
  signInScreen,
  verifySignIn,
} from './accounts-service';

type AccountMethods =
  | 'accounts.signInScreen'
  | 'accounts.current'
  | 'accounts.register'
  | 'accounts.signIn'
  | 'accounts.signOut'
  | 'accounts.changePassword'
  | 'accounts.listAll'
  | 'accounts.create'
  | 'accounts.resetPassword'
  | 'accounts.setListHidden';

export const accountsHandlers = ({ db, session, events, mutations, passwords, now, timeZone, school, sync }: CoreDeps): HandlerGroup<AccountMethods> => {
  const startSession = async (user: { id: string; role: 'student' | 'teacher' | 'admin' }) => {
    await recordSignIn(mutations, user.id, now(), timeZone());
    session.signIn(user);
    events.emit('session.changed', { userId: user.id });
  };
  return {
    'accounts.signInScreen': async () => signInScreen(db),
    'accounts.current': async () => {
      const userId = session.currentUserId;
      const user = userId ? await findAccount(db, userId) : null;
      if (userId && !user) session.signOut();
      return { user, preferences: user ? school.applyTo(await findPreferences(db, user.id)) : null };
    },
    'accounts.register': async (input) => {
      const user = await registerAccount(db, passwords, input, {
        allowSelfRegistration: school.allowSelfRegistration,
        preferences: school.newAccountPreferences(),
      });
      await startSession(user);
      return user;
    },
    'accounts.signIn': async ({ login, password }) => {
      const user = await verifySignIn(db, passwords, login, password, now());
      await startSession(user);
      return user;
    },
    'accounts.signOut': async () => {
      const userId = session.currentUserId;
      if (userId) {
        // On a shared computer signing out ends the sitting: what the student just did goes first (bounded),
        // and whatever could not go is sent in the background later (the engine's sendWaiting).
        await sync.sendBeforeLeaving(userId);
        session.signOut();
        events.emit('session.changed', { userId: null });
      }
      return {};
    },
    'accounts.changePassword': async ({ currentPassword, newPassword }) => {
      const userId = session.requireUserId();
      if (!(await checkPassword(db, passwords, userId, currentPassword))) {
        throw new AppError('invalid_input', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong_password' }]);
      }
      await setPassword(db, passwords, userId, newPassword);
      return {};
    },
    'accounts.listAll': async () => listAccounts(db),
    'accounts.create': async (input) => createAccount(db, passwords, input, school.newAccountPreferences()),
    'accounts.resetPassword': async ({ userId, newPassword }) => {
      if (userId === session.requireUserId()) {
        throw new AppError('invalid_input', 'Change your own password with your current one', [{ path: 'userId', message: 'own_account' }]);
      }
      await setPassword(db, passwords, userId, newPassword);
      return {};
    },
    'accounts.setListHidden': async ({ hidden }) => setListHidden(db, hidden),
  };
};
