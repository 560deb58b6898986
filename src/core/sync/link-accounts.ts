import { randomUUID } from 'node:crypto';
import { and, eq, ne, or } from 'drizzle-orm';
import type { UserRole } from '../../shared/domain';
import type { TokensResponse } from '../../shared/sync';
import { checkPassword, findAccount } from '../accounts/accounts-service';
import type { PasswordHasher } from '../accounts/password-hasher';
import { clearSignInGuard, recordFailedSignIn, remainingBlockMs } from '../accounts/sign-in-guard';
import type { SecretBox } from '../ai/secret-box';
import { userPreferences, users } from '../db/schema';
import type { Db } from '../db/types';
import { applyPull } from './apply-pull';
import { deviceLabel } from './device-name';
import { SyncFailed, toSyncFailed } from './sync-failure';
import type { SyncHttp } from './sync-http';
import type { TrustSource } from './trusted-server';
import { memoryTokens, pullAll, pushOutbox, type Pulled } from './sync-pass';
import { sameServer } from './server-trust';
import { findLink, insertLink, renumberOutbox, setOutboxSequence } from './sync-store';

export interface LinkContext {
  db: Db;
  passwords: PasswordHasher;
  secrets: SecretBox;
  now: () => Date;
  timeZone: () => string;
  schemaVersion: () => Promise<number>;
  deviceName: string;
  httpFor(serverUrl: string): SyncHttp;
  /** Preferences a new local account starts with (the school's language and theme); the pull brings the student's own. */
  newAccountPreferences: () => { language?: string; theme?: string };
  /** Whose server may change the shared catalogue (see trusted-server.ts). */
  school: TrustSource;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

/** A link made: the access token to keep in memory for the account's first sync. */
export interface Linked {
  userId: string;
  tokens: TokensResponse;
}

const device = (context: LinkContext, id: string) => ({ id, name: deviceLabel(context.deviceName, id) });

async function signInOnline(context: LinkContext, http: SyncHttp, login: string, password: string, deviceId: string): Promise<TokensResponse> {
  try {
    return await http.signIn({ login, password, device: device(context, deviceId) });
  } catch (error) {
    throw toSyncFailed(error, 'credentials');
  }
}

/**
 * (a) Register the signed-in local account on the server under its own id, email, username and name.
 * Its whole history is still in the outbox, numbered again from 1 for this new device: the first sync
 * sends all of it. When someone already has that id on the server (it proves nothing there), the server
 * gives the account a fresh one and this account moves over to it, as in (b).
 */
export async function linkByRegistering(context: LinkContext, userId: string, serverUrl: string, password: string): Promise<Linked> {
  const { db } = context;
  if (await findLink(db, userId)) throw new SyncFailed('already_linked', 'This account is already linked; unlink it first');
  if (!(await checkPassword(db, context.passwords, userId, password))) throw new SyncFailed('wrong_password', 'The password of this account is wrong');
  const account = await findAccount(db, userId);
  if (!account) throw new SyncFailed('internal', 'The signed-in account is gone');
  const http = context.httpFor(serverUrl);
  let tokens: TokensResponse;
  try {
    tokens = await http.register({
      userId,
      email: account.email,
      username: account.username,
      fullName: account.fullName,
      password,
      device: device(context, randomUUID()),
    });
  } catch (error) {
    throw toSyncFailed(error, 'register');
  }
  if (tokens.user.id !== userId) return moveToServerAccount(context, { http, tokens, localUserId: userId, serverUrl, password });
  await db.transaction(async (tx) => {
    await renumberOutbox(tx, userId);
    await insertLink(tx, { userId, serverUrl, deviceId: tokens.deviceId, refreshTokenSealed: context.secrets.seal(tokens.refreshToken) });
  });
  return { userId, tokens };
}

/**
 * (b) Link the signed-in local account to an account that already exists on the server. The same id:
 * a plain link (or a sign-in again, keeping the device). Another id — the student registered online
 * elsewhere first, then made a separate account here — this account's outbox is sent under the
 * server account (mutations carry no user id: they replay for the token's user), then, in ONE local
 * transaction, the server's account replaces this one here, with the typed password, and everything
 * of it is pulled.
 */
export async function linkBySigningIn(
  context: LinkContext,
  userId: string,
  serverUrl: string,
  login: string,
  password: string,
): Promise<Linked> {
  const { db } = context;
  const existing = await findLink(db, userId);
  if (existing && !sameServer(existing.serverUrl, serverUrl)) {
    throw new SyncFailed('already_linked', 'This account is linked to another server; unlink it first');
  }
  // Signing in again keeps the device (and its numbering) unless the server disconnected it.
  let keptDevice = existing && existing.lastError !== 'device_revoked' ? existing.deviceId : null;
  const http = context.httpFor(serverUrl);
  let tokens: TokensResponse;
  try {
    tokens = await signInOnline(context, http, login, password, keptDevice ?? randomUUID());
  } catch (error) {
    // Disconnected from another device meanwhile: this computer comes back as a new device.
    if (!(keptDevice && error instanceof SyncFailed && error.reason === 'device_revoked')) throw error;
    keptDevice = null;
    tokens = await signInOnline(context, http, login, password, randomUUID());
  }
  const server = tokens.user;

  if (server.id === userId) {
    await db.transaction(async (tx) => {
      if (!keptDevice || tokens.deviceId !== keptDevice) await renumberOutbox(tx, userId);
      await insertLink(tx, { userId, serverUrl, deviceId: tokens.deviceId, refreshTokenSealed: context.secrets.seal(tokens.refreshToken) });
    });
    return { userId, tokens };
  }
  if (existing) throw new SyncFailed('already_linked', 'This account is linked to another account of the server');
  return moveToServerAccount(context, { http, tokens, localUserId: userId, serverUrl, password });
}

/**
 * The signed-in local account becomes the server's account `tokens.user` (another id): its outbox is sent
 * under the server account (mutations carry no user id: they replay for the token's user), then, in ONE
 * local transaction, the server's account replaces this one here — with the typed password and the
 * local role (a server never gives rights on this computer this way) — and everything of it is pulled.
 * Never over another account of this computer.
 */
async function moveToServerAccount(
  context: LinkContext,
  input: { http: SyncHttp; tokens: TokensResponse; localUserId: string; serverUrl: string; password: string },
): Promise<Linked> {
  const { db } = context;
  const { http, tokens, localUserId: userId, serverUrl, password } = input;
  const server = tokens.user;
  if (await findAccount(db, server.id)) {
    throw new SyncFailed('local_account_exists', 'The server account is already another account on this computer');
  }
  await refuseLocalNamesakes(db, server, userId);

  // Replay this account's history for the server's account (a fresh device there: numbered from 1).
  await db.transaction((tx) => renumberOutbox(tx, userId));
  const session = memoryTokens(http, tokens, context.now);
  await pushOutbox({ db, http, tokens: session, outboxUserId: userId, deviceId: tokens.deviceId, schemaVersion: await context.schemaVersion(), now: context.now, log: context.log });
  const pulled = await pullAll(http, session);
  const passwordHash = await context.passwords.hash(password);
  const [local] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  const latest = session.latest();
  await db.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.id, userId));
    await adoptServerAccount(context, tx, {
      server: { ...server, role: (local?.role ?? 'student') as UserRole },
      passwordHash,
      serverUrl,
      tokens: latest,
      pulled,
      lastMutationId: pulled.lastMutationId,
    });
  });
  return { userId: server.id, tokens: latest };
}

/**
 * (c) The sign-in screen: sign in online and bring the account here — with the server's id, email,
 * username and name and a LOCAL hash of the typed password (so signing in offline works from now on),
 * linked, everything pulled. Whoever sits at the screen may type any server, so:
 * - an account of this computer with the server account's id is signed into only when it is linked to
 *   that very server already, or the typed password is its own here (counted like a wrong password at
 *   the sign-in screen): the server's word alone never takes over, merges into or overwrites it;
 * - a new account gets the server's role (teacher, admin) only from a server this computer's
 *   administrator trusts (`trusted`); from any other it is a student here.
 */
export async function signInFromServer(
  context: LinkContext,
  input: { serverUrl: string; login: string; password: string; trusted: boolean },
): Promise<Linked> {
  const { db } = context;
  const { serverUrl, login, password } = input;
  const http = context.httpFor(serverUrl);
  const tokens = await signInOnline(context, http, login, password, randomUUID());
  const server = tokens.user;
  const here = await findAccount(db, server.id);
  if (here) await mayBecomeLocal(context, server.id, serverUrl, password);
  else await refuseLocalNamesakes(db, server, null);
  const session = memoryTokens(http, tokens, context.now);
  const pulled = await pullAll(http, session);
  const passwordHash = await context.passwords.hash(password);
  const latest = session.latest();
  await db.transaction(async (tx) => {
    if (here) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, server.id));
      await insertLink(tx, { userId: server.id, serverUrl, deviceId: latest.deviceId, refreshTokenSealed: context.secrets.seal(latest.refreshToken) });
      // A new device on the server: what is still pending here is numbered from 1 for it.
      await renumberOutbox(tx, server.id);
      await applyPull(tx, server.id, { ...pulled, syncedAt: context.now(), serverUrl }, context.school);
    } else {
      const role: UserRole = input.trusted ? server.role : 'student';
      await adoptServerAccount(context, tx, { server: { ...server, role }, passwordHash, serverUrl, tokens: latest, pulled, lastMutationId: 0 });
    }
  });
  return { userId: server.id, tokens: latest };
}

/**
 * May the server's sign-in stand for the local account `userId`? Yes when that account is linked to the
 * same server (its id there is this id), or when the typed password is its password here. Refused
 * otherwise — and a wrong password counts against the account, as at the sign-in screen, so a server
 * that says «yes» to anything cannot be used to guess it.
 */
async function mayBecomeLocal(context: LinkContext, userId: string, serverUrl: string, password: string): Promise<void> {
  const { db } = context;
  const link = await findLink(db, userId);
  if (link && sameServer(link.serverUrl, serverUrl)) return;
  if (link) throw new SyncFailed('already_linked', 'This account of the computer is linked to another server');
  const now = context.now();
  const blocked = await remainingBlockMs(db, userId, now);
  if (blocked > 0) throw new SyncFailed('rate_limited', 'Too many wrong passwords for this account', Math.ceil(blocked / 1000));
  if (await checkPassword(db, context.passwords, userId, password)) {
    await clearSignInGuard(db, userId);
    return;
  }
  await recordFailedSignIn(db, userId, now);
  throw new SyncFailed('local_account_exists', 'This computer already has this account: sign in with its password here, then link it');
}

/** Another local account already uses the server account's email or username: one of them would have to go. */
async function refuseLocalNamesakes(db: Db, server: { email: string; username: string }, except: string | null): Promise<void> {
  const same = or(eq(users.email, server.email), eq(users.username, server.username));
  const [clash] = await db
    .select({ id: users.id })
    .from(users)
    .where(except ? and(same, ne(users.id, except)) : same);
  if (clash) {
    throw new SyncFailed('local_account_exists', 'This computer already has another account with that email or username');
  }
}

/** Inside the caller's transaction: the server's account as a local one, linked, with everything pulled applied. */
async function adoptServerAccount(
  context: LinkContext,
  tx: Db,
  input: {
    server: TokensResponse['user'];
    passwordHash: string;
    serverUrl: string;
    tokens: TokensResponse;
    pulled: Pulled;
    /** Where this device's numbering on the server stands (mutations already replayed for it). */
    lastMutationId: number;
  },
): Promise<void> {
  const { server } = input;
  await tx.insert(users).values({
    id: server.id,
    email: server.email,
    username: server.username,
    fullName: server.fullName,
    role: server.role,
    passwordHash: input.passwordHash,
  });
  await tx.insert(userPreferences).values({ userId: server.id, ...context.newAccountPreferences() });
  await insertLink(tx, {
    userId: server.id,
    serverUrl: input.serverUrl,
    deviceId: input.tokens.deviceId,
    refreshTokenSealed: context.secrets.seal(input.tokens.refreshToken),
  });
  await setOutboxSequence(tx, server.id, input.lastMutationId);
  await applyPull(tx, server.id, { ...input.pulled, syncedAt: context.now(), serverUrl: input.serverUrl }, context.school);
}
