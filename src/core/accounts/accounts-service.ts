import { createHash } from 'node:crypto';
import type { MutationRunner } from '../mutations/run-mutation';
import type { MutationArgs } from '../sync/mutation-registry';
import { asc, count, eq, or, sql } from 'drizzle-orm';
import type { AccountSummary, SessionUser, SignInScreen } from '../../shared/contract';
import type { Language, Theme, UserRole } from '../../shared/domain';
import { localSettings, userActivityLog, userPreferences, users } from '../db/schema';
import type { Db } from '../db/types';
import { dayOf } from '../motivation/activity';
import { AppError, notFound } from '../errors/app-error';
import { accountColumns, toAccountSummary, toSessionUser } from './account-views';
import { selfRegistrationDisabled } from '../school/school-policy';
import type { PasswordHasher } from './password-hasher';
import { clearSignInGuard, recordFailedSignIn, remainingBlockMs } from './sign-in-guard';
import type { MutationContext } from '../mutations/mutation-context';

const LIST_HIDDEN_KEY = 'sign_in_list_hidden';

export interface NewAccount {
  email: string;
  username: string;
  fullName: string;
  password: string;
  role: UserRole;
}

const WRONG_CREDENTIALS = 'Wrong login or password';

/** The same refusal for an unknown login and a wrong password: the screen must not reveal which accounts exist. */
const wrongCredentials = () => new AppError('unauthenticated', WRONG_CREDENTIALS);

const rateLimited = (ms: number) => {
  const error = new AppError('rate_limited', 'Too many wrong passwords; wait before the next attempt');
  error.retryAfterSeconds = Math.ceil(ms / 1000);
  return error;
};

export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function isListHidden(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: localSettings.value }).from(localSettings).where(eq(localSettings.key, LIST_HIDDEN_KEY));
  return row?.value === true;
}

export async function signInScreen(db: Db): Promise<SignInScreen> {
  const [hidden, total] = await Promise.all([isListHidden(db), countAccounts(db)]);
  const rows = hidden ? [] : await db.select({ username: users.username, fullName: users.fullName, avatarUrl: users.avatarUrl }).from(users).orderBy(asc(users.fullName));
  // A picture's file name carries the account's id: the screen gets a digest of it, which still changes with the picture.
  const accounts = rows.map(({ avatarUrl, ...tile }) => ({
    ...tile,
    avatarVersion: avatarUrl ? createHash('sha256').update(avatarUrl).digest('hex').slice(0, 16) : null,
  }));
  return { accounts, listHidden: hidden, hasAccounts: total > 0 };
}

export async function setListHidden(db: Db, hidden: boolean): Promise<{ listHidden: boolean }> {
  await db
    .insert(localSettings)
    .values({ key: LIST_HIDDEN_KEY, value: hidden })
    .onConflictDoUpdate({ target: localSettings.key, set: { value: hidden } });
  return { listHidden: hidden };
}

/** What a new account's preferences start from, besides the built-in defaults (the school's language and theme). */
export interface StartingPreferences {
  language?: Language;
  theme?: Theme;
}

/** Create an account with its default preferences. Email and username are unique (already lower-cased). */
export async function createAccount(db: Db, hasher: PasswordHasher, account: NewAccount, preferences: StartingPreferences = {}): Promise<SessionUser> {
  const passwordHash = await hasher.hash(account.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ email: users.email, username: users.username })
      .from(users)
      .where(or(eq(users.email, account.email), eq(users.username, account.username)));
    if (taken) {
      throw new AppError('conflict', taken.email === account.email ? 'That email is already registered' : 'That username is taken', [
        { path: taken.email === account.email ? 'email' : 'username', message: 'taken' },
      ]);
    }
    const [row] = await tx
      .insert(users)
      .values({ email: account.email, username: account.username, fullName: account.fullName, passwordHash, role: account.role })
      .returning(accountColumns);
    if (!row) throw notFound('Account');
    await tx.insert(userPreferences).values({ userId: row.id, ...preferences });
    return toSessionUser(row);
  });
}

export interface RegistrationRules {
  /** False (the school's choice): only an admin creates accounts. */
  allowSelfRegistration: boolean;
  preferences?: StartingPreferences;
}

/**
 * Self-registration. The first account on a computer may make itself its admin; after that, new
 * accounts are students (an admin creates teachers and admins). Where the school turned
 * self-registration off, only the first account of a new computer is created here — as its admin,
 * or nobody could ever create the others.
 */
export async function registerAccount(
  db: Db,
  hasher: PasswordHasher,
  input: Omit<NewAccount, 'role'> & { becomeAdmin: boolean },
  rules: RegistrationRules = { allowSelfRegistration: true },
): Promise<SessionUser> {
  const first = (await countAccounts(db)) === 0;
  if (!first && !rules.allowSelfRegistration) throw selfRegistrationDisabled();
  if (input.becomeAdmin && !first) {
    throw new AppError('forbidden', 'Only the first account on this computer may make itself its admin');
  }
  const admin = input.becomeAdmin || (first && !rules.allowSelfRegistration);
  return createAccount(db, hasher, { ...input, role: admin ? 'admin' : 'student' }, rules.preferences);
}

/** A sign-in (or the first one, at registration) in the student's activity, on their local day. */
export async function recordSignIn(mutations: MutationRunner, userId: string, now: Date, timeZone: string): Promise<void> {
  await mutations.run(userId, 'activity.signIn', { activityId: crypto.randomUUID(), at: now.toISOString(), timeZone });
}

export async function recordSignInActivity(ctx: MutationContext, args: MutationArgs<'activity.signIn'>): Promise<void> {
  const { tx, userId } = ctx;
  await tx
    .insert(userActivityLog)
    .values({
      // The student's own namespace of ids (0009): another student's activity id never blocks this row.
      id: sql`activity_row_id(${userId}::uuid, ${args.activityId}::uuid)`,
      userId,
      activityType: 'sign_in',
      activityData: { day: dayOf(args.at, args.timeZone) },
      createdAt: new Date(args.at),
    })
    .onConflictDoNothing({ target: userActivityLog.id });
}

/**
 * Check a login (email or username) and password, offline. Wrong passwords are counted per account;
 * from the fifth on, the account waits (1 s doubling, at most 15 min) — the count survives restarts.
 */
export async function verifySignIn(db: Db, hasher: PasswordHasher, login: string, password: string, now: Date): Promise<SessionUser> {
  const [row] = await db
    .select({ ...accountColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(or(eq(users.email, login), eq(users.username, login)));
  if (!row) {
    await hasher.spendVerificationTime(password);
    throw wrongCredentials();
  }
  const blocked = await remainingBlockMs(db, row.id, now);
  if (blocked > 0) throw rateLimited(blocked);
  if (!(await hasher.verify(password, row.passwordHash))) {
    const delay = await recordFailedSignIn(db, row.id, now);
    if (delay > 0) throw rateLimited(delay);
    throw wrongCredentials();
  }
  await clearSignInGuard(db, row.id);
  const { passwordHash: _hash, ...account } = row;
  return toSessionUser(account);
}

export async function findAccount(db: Db, userId: string): Promise<SessionUser | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, userId));
  return row ? toSessionUser(row) : null;
}

export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  return (await db.select(accountColumns).from(users).orderBy(asc(users.fullName))).map(toAccountSummary);
}

export async function setPassword(db: Db, hasher: PasswordHasher, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hasher.hash(newPassword);
  const updated = await db.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ id: users.id });
  if (updated.length === 0) throw notFound('Account');
  await clearSignInGuard(db, userId);
}

export async function checkPassword(db: Db, hasher: PasswordHasher, userId: string, password: string): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row ? hasher.verify(password, row.passwordHash) : false;
}
