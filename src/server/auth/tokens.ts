import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/types';
import { executeRows } from '../../core/db/execute-rows';
import type { UserRole } from '../../shared/domain';
import type { TokensResponse } from '../../shared/sync';
import { HttpError } from '../http-errors';
import type { Logger } from '../logger';
import { signAccessToken } from './access-token';

/** A device that does not sync for a month signs in again. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * How long a spent refresh token may be presented again as a retry of the same rotation (its answer
 * was lost, or the network delivered the request twice) — answered with the same successor, as long
 * as that successor has not been used yet. Later, or after the successor was used, it is a reuse.
 */
export const REFRESH_RETRY_GRACE_MS = 60_000;

/** The successor of a refresh token is derived from it, so a retried rotation answers the same token. */
const successorOf = (secret: string, token: string): string => createHmac('sha256', secret).update(`refresh:${token}`, 'utf8').digest('base64url');

/** Only the SHA-256 of a refresh token is stored: a copy of the table signs nobody in. */
export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export interface AccountRow extends Record<string, unknown> {
  id: string;
  email: string;
  username: string;
  full_name: string;
  role: string;
}

export const toServerUser = (row: AccountRow): TokensResponse['user'] => ({
  id: row.id,
  email: row.email,
  username: row.username,
  fullName: row.full_name,
  role: row.role as UserRole,
});

/**
 * A new pair for a device, inside the caller's transaction (as the connecting role): a fresh refresh
 * token (32 random bytes) stored as its hash, and an access token signed for user and device.
 */
export async function issueTokens(
  tx: Db,
  secret: string,
  user: AccountRow,
  deviceId: string,
  now: Date,
  refreshToken: string = randomBytes(32).toString('base64url'),
): Promise<TokensResponse> {
  await tx.execute(sql`
    INSERT INTO sync_refresh_tokens (token_hash, device_id, user_id, issued_at, expires_at)
    VALUES (${hashRefreshToken(refreshToken)}, ${deviceId}, ${user.id}, ${now}, ${new Date(now.getTime() + REFRESH_TOKEN_TTL_MS)})
    ON CONFLICT (token_hash) DO NOTHING`);
  const access = await signAccessToken(secret, { userId: user.id, deviceId }, now);
  return {
    accessToken: access.token,
    accessExpiresAt: access.expiresAt.toISOString(),
    refreshToken,
    user: toServerUser(user),
    deviceId,
  };
}

/** Every live refresh token of a device stops working (reuse detected, the device revoked, a new sign-in). */
export async function revokeDeviceTokens(tx: Db, deviceId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE sync_refresh_tokens SET revoked_at = ${now} WHERE device_id = ${deviceId} AND revoked_at IS NULL`);
}

const ACCOUNT_COLUMNS = sql.raw('u.id, u.email, u.username, u.full_name, u.role');

/**
 * `POST /auth/refresh`: the token is spent and replaced in one transaction. A token presented again
 * after it was spent (or revoked) means two parties hold it: the device and every token of it are
 * revoked (401 `refresh_reused`, then 403 `device_revoked`) and it must sign in again as a new device.
 */
export async function rotateRefreshToken(db: Db, secret: string, refreshToken: string, now: Date, log: Logger): Promise<TokensResponse> {
  const tokenHash = hashRefreshToken(refreshToken);
  const outcome = await db.transaction(async (tx) => {
    // Spent atomically: of two requests racing with one token, exactly one gets a row here.
    const [spent] = await executeRows<{ device_id: string; user_id: string }>(tx, sql`
      UPDATE sync_refresh_tokens SET used_at = ${now}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
      RETURNING device_id, user_id`);
    if (spent) {
      const [device] = await executeRows<{ revoked: boolean }>(tx, sql`
        SELECT revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE id = ${spent.device_id} AND user_id = ${spent.user_id} FOR UPDATE`);
      if (!device || device.revoked) throw deviceRevoked();
      const [user] = await executeRows<AccountRow>(tx, sql`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = ${spent.user_id}`);
      if (!user) throw invalidRefreshToken();
      await tx.execute(sql`UPDATE sync_devices SET last_seen_at = ${now} WHERE id = ${spent.device_id}`);
      return { kind: 'rotated' as const, tokens: await issueTokens(tx, secret, user, spent.device_id, now, successorOf(secret, refreshToken)) };
    }
    const [known] = await executeRows<{ device_id: string; user_id: string; spent: boolean; expired: boolean; device_revoked: boolean; retry: boolean }>(tx, sql`
      SELECT t.device_id, t.user_id, (t.used_at IS NOT NULL OR t.revoked_at IS NOT NULL) AS spent,
        t.expires_at <= ${now} AS expired, d.revoked_at IS NOT NULL AS device_revoked,
        (t.revoked_at IS NULL AND t.used_at > ${new Date(now.getTime() - REFRESH_RETRY_GRACE_MS)}
          AND EXISTS (SELECT 1 FROM sync_refresh_tokens n WHERE n.token_hash = ${hashRefreshToken(successorOf(secret, refreshToken))}
                      AND n.used_at IS NULL AND n.revoked_at IS NULL)) AS retry
      FROM sync_refresh_tokens t JOIN sync_devices d ON d.id = t.device_id
      WHERE t.token_hash = ${tokenHash}`);
    if (!known) throw invalidRefreshToken();
    if (known.device_revoked) throw deviceRevoked();
    if (known.retry) {
      // The same rotation asked again: the same successor (never used), a fresh access token.
      const [user] = await executeRows<AccountRow>(tx, sql`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = ${known.user_id}`);
      if (!user) throw invalidRefreshToken();
      return { kind: 'rotated' as const, tokens: await issueTokens(tx, secret, user, known.device_id, now, successorOf(secret, refreshToken)) };
    }
    if (known.spent) {
      // The device itself is revoked, not only its refresh tokens: an access token either party still
      // holds is refused at once (every request checks the device in its own transaction), not after
      // its 15 minutes. Whoever is the real owner signs in again and comes back as a new device.
      await tx.execute(sql`UPDATE sync_devices SET revoked_at = coalesce(revoked_at, ${now}) WHERE id = ${known.device_id}`);
      await revokeDeviceTokens(tx, known.device_id, now);
      return { kind: 'reused' as const, device: known };
    }
    throw new HttpError(401, 'The refresh token has expired; sign in again.', 'refresh_expired');
  });
  if (outcome.kind === 'reused') {
    // Committed above: the chain stays revoked although this request fails.
    log.warn('refresh token reused; the device was signed out', { userId: outcome.device.user_id, deviceId: outcome.device.device_id });
    throw new HttpError(401, 'This refresh token was already used; the device must sign in again.', 'refresh_reused');
  }
  return outcome.tokens;
}

const invalidRefreshToken = () => new HttpError(401, 'The refresh token is not valid.', 'invalid_refresh_token');
export const deviceRevoked = () => new HttpError(403, 'This device was signed out of the account.', 'device_revoked');
