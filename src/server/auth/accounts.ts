import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PasswordHasher } from '../../core/accounts/password-hasher';
import { userPreferences, users } from '../../core/db/schema';
import { executeRows } from '../../core/db/execute-rows';
import type { Db } from '../../core/db/types';
import type { RegisterRequest, SignInRequest, TokensResponse } from '../../shared/sync';
import { sqlStateOf } from '../db-errors';
import { HttpError } from '../http-errors';
import type { Logger } from '../logger';
import { deviceRevoked, issueTokens, revokeDeviceTokens, type AccountRow } from './tokens';
import {
  ACCOUNT_LIMIT,
  CLIENT_LIMIT,
  clearFailures,
  fromClient,
  limitKey,
  readLimits,
  recordFailure,
  REGISTRATION_LIMIT,
  registrationsOf,
} from './sign-in-limits';

export interface AuthDeps {
  db: Db;
  passwords: PasswordHasher;
  tokenSecret: string;
  log: Logger;
  now: () => Date;
}

const deviceTaken = () => new HttpError(409, 'This device id belongs to another account.', 'device_taken');

/**
 * `POST /auth/register`: a device's local account goes online, under the SAME id when that id is still
 * free here (the rows the device already has keep their owner). The id proves nothing: an id someone
 * else has already taken — by chance, or read off a shared computer's screen first — gets the new
 * account a fresh one, and the device moves its account over to it (link-accounts.ts). So nobody can
 * squat another person's id or hijack their account through it. Runs as the connecting role (there is
 * no student yet).
 */
export async function register(deps: AuthDeps, body: RegisterRequest, client: string): Promise<TokensResponse> {
  const now = deps.now();
  // Whether an email or a username is taken is an answer too: a client gets as few of them as it gets
  // wrong passwords (one budget), and registers at most so many accounts an hour.
  const limits = await readLimits(deps.db, [client, registrationsOf(client)], now);
  const waiting = Math.max(...[...limits.values()].map((state) => state.blockedSeconds));
  if (waiting > 0) throw rateLimited(waiting);
  const passwordHash = await deps.passwords.hash(body.password);
  try {
    const tokens = await createAccount(deps, body, passwordHash, now);
    await recordFailure(deps.db, registrationsOf(client), now, REGISTRATION_LIMIT);
    return tokens;
  } catch (error) {
    if (error instanceof HttpError && (error.code === 'email_taken' || error.code === 'username_taken')) {
      const seconds = await recordFailure(deps.db, client, now, CLIENT_LIMIT);
      if (seconds > 0) throw rateLimited(seconds);
    }
    throw error;
  }
}

async function createAccount(deps: AuthDeps, body: RegisterRequest, passwordHash: string, now: Date): Promise<TokensResponse> {
  try {
    return await deps.db.transaction(async (tx) => {
      const taken = await executeRows<{ id: string; email: string; username: string }>(tx, sql`
        SELECT id, email, username FROM users WHERE id = ${body.userId} OR email = ${body.email} OR username = ${body.username}`);
      if (taken.some((row) => row.email === body.email)) throw new HttpError(409, 'That email is already registered.', 'email_taken');
      if (taken.some((row) => row.username === body.username)) throw new HttpError(409, 'That username is taken.', 'username_taken');
      const [device] = await executeRows<{ user_id: string }>(tx, sql`SELECT user_id FROM sync_devices WHERE id = ${body.device.id}`);
      if (device) throw deviceTaken();
      const userId = taken.some((row) => row.id === body.userId) ? randomUUID() : body.userId;

      await tx.insert(users).values({
        id: userId,
        email: body.email,
        username: body.username,
        fullName: body.fullName,
        passwordHash,
        // Never what a device claims: a local admin is a student here until an operator says otherwise.
        role: 'student',
      });
      await tx.insert(userPreferences).values({ userId });
      await tx.execute(sql`
        INSERT INTO sync_devices (id, user_id, name, created_at, last_seen_at)
        VALUES (${body.device.id}, ${userId}, ${body.device.name}, ${now}, ${now})`);
      const user: AccountRow = { id: userId, email: body.email, username: body.username, full_name: body.fullName, role: 'student' };
      deps.log.info('account registered', { userId, deviceId: body.device.id, idTaken: userId !== body.userId });
      return issueTokens(tx, deps.tokenSecret, user, body.device.id, now);
    });
  } catch (error) {
    // Two registrations racing for one email, username, id or device: the loser hears 409 like anyone else.
    if (sqlStateOf(error) === '23505') throw new HttpError(409, 'This account or device is already registered.', 'conflict');
    throw error;
  }
}

const wrongCredentials = () => new HttpError(401, 'Wrong login or password.', 'wrong_credentials');
function rateLimited(seconds: number) {
  return new HttpError(429, 'Too many attempts; wait before the next one.', 'rate_limited', { 'Retry-After': String(seconds) }, {
    retryAfterSeconds: seconds,
  });
}

/**
 * `POST /auth/sign-in` with an email or a username. The same answer for an unknown login and a wrong
 * password (and the same time spent), so the endpoint does not reveal who has an account. The device
 * is checked only once the password is right: a stranger learns nothing about device ids. Limits (see
 * sign-in-limits.ts): the client's, the account's from this client, and the account's in all — the
 * last only for a client that has failed on it itself, so nobody can lock the owner out.
 */
export async function signIn(deps: AuthDeps, body: SignInRequest, client: string): Promise<TokensResponse> {
  const now = deps.now();
  const login = body.login.trim().toLowerCase();
  const [account] = await executeRows<AccountRow & { password_hash: string }>(deps.db, sql`
    SELECT id, email, username, full_name, role, password_hash FROM users WHERE email = ${login} OR username = ${login}
    ORDER BY (email = ${login}) DESC LIMIT 1`);
  const key = limitKey(account?.id ?? null, login);
  const pair = fromClient(key, client);
  const limits = await readLimits(deps.db, [client, pair, key], now);
  const ownFailures = limits.get(pair)!.failures > 0;
  const blocked = Math.max(limits.get(client)!.blockedSeconds, limits.get(pair)!.blockedSeconds, ownFailures ? limits.get(key)!.blockedSeconds : 0);
  if (blocked > 0) throw rateLimited(blocked);

  const passwordOk = account
    ? await deps.passwords.verify(body.password, account.password_hash)
    : (await deps.passwords.spendVerificationTime(body.password), false);
  if (!account || !passwordOk) {
    const seconds = Math.max(
      await recordFailure(deps.db, client, now, CLIENT_LIMIT),
      await recordFailure(deps.db, pair, now, ACCOUNT_LIMIT),
      // From now on this client has failed here: the account's count holds it back too.
      await recordFailure(deps.db, key, now, ACCOUNT_LIMIT),
    );
    deps.log.warn('sign-in refused', { userId: account?.id ?? null, blockedSeconds: seconds });
    if (seconds > 0) throw rateLimited(seconds);
    throw wrongCredentials();
  }
  // The right password: this client's and the account's counts start over (the client's own does not:
  // signing in to one's own account must not buy guesses at others).
  await clearFailures(deps.db, pair, key);
  const { password_hash: _hash, ...user } = account;

  try {
    return await deps.db.transaction(async (tx) => {
      await attachDevice(tx, user.id, body.device, now);
      deps.log.info('signed in', { userId: user.id, deviceId: body.device.id });
      return issueTokens(tx, deps.tokenSecret, user, body.device.id, now);
    });
  } catch (error) {
    // The same new device signing in twice at once: the second insert loses.
    if (sqlStateOf(error) === '23505') throw new HttpError(409, 'This device is being signed in already; try again.', 'conflict');
    throw error;
  }
}

/**
 * The device a student signs in on: new, or theirs already (then its old tokens stop working: a new
 * sign-in starts a new chain). Another student's device id is a 409, a revoked one stays revoked (403).
 */
async function attachDevice(tx: Db, userId: string, device: SignInRequest['device'], now: Date): Promise<void> {
  const [known] = await executeRows<{ user_id: string; revoked: boolean }>(tx, sql`
    SELECT user_id, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE id = ${device.id} FOR UPDATE`);
  if (known && known.user_id !== userId) throw deviceTaken();
  if (known?.revoked) throw deviceRevoked();
  if (known) {
    await revokeDeviceTokens(tx, device.id, now);
    await tx.execute(sql`UPDATE sync_devices SET name = ${device.name}, last_seen_at = ${now} WHERE id = ${device.id}`);
    return;
  }
  await tx.execute(sql`
    INSERT INTO sync_devices (id, user_id, name, created_at, last_seen_at)
    VALUES (${device.id}, ${userId}, ${device.name}, ${now}, ${now})`);
}
