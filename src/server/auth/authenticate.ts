import { sql } from 'drizzle-orm';
import type { IncomingHttpHeaders } from 'node:http';
import { executeRows } from '../../core/db/execute-rows';
import type { Db } from '../../core/db/types';
import type { UserRole } from '../../shared/domain';
import { withTransientRetry } from '../db-errors';
import { HttpError } from '../http-errors';
import { inUserTransaction, type UserTransactionOptions } from '../user-transaction';
import { bearerToken, verifyAccessToken } from './access-token';
import { deviceRevoked } from './tokens';

/** Who a request is from: only ever what the access token says, never a body or a query. */
export interface Student {
  userId: string;
  deviceId: string;
  role: UserRole;
  /** The device's last applied outbox id (for a pull's answer). */
  lastMutationId: number;
}

export interface StudentDeps {
  db: Db;
  tokenSecret: string;
  now: () => Date;
}

export const unauthenticated = (message = 'A valid access token is required.') =>
  new HttpError(401, message, 'invalid_token', { 'WWW-Authenticate': 'Bearer' });

/** What of a request names its student: the Authorization header, nothing else. */
export interface WithHeaders {
  readonly headers: IncomingHttpHeaders;
}

/** The claims of the request's bearer token: 401 when it is missing, not ours, tampered with or expired. */
export async function claimsOf(req: WithHeaders, deps: Pick<StudentDeps, 'tokenSecret' | 'now'>) {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw unauthenticated();
  const claims = await verifyAccessToken(deps.tokenSecret, token, deps.now());
  if (!claims) throw unauthenticated('The access token is invalid or has expired.');
  return claims;
}

/**
 * Everything done on behalf of a student: the token checked, then ONE transaction as `teacher_app`
 * with the student's id set for row-level security, which first makes sure the token's device still
 * belongs to the student and was not revoked (403). A transaction that loses a race is run again.
 */
export async function asStudent<T>(
  deps: StudentDeps,
  req: WithHeaders,
  work: (tx: Db, student: Student) => Promise<T>,
  options: UserTransactionOptions = {},
): Promise<T> {
  const claims = await claimsOf(req, deps);
  return withTransientRetry(() =>
    inUserTransaction(
      deps.db,
      claims.userId,
      async (tx) => {
        const [device] = await executeRows<{ revoked: boolean; role: string; last: string | number }>(tx, sql`
          SELECT d.revoked_at IS NOT NULL AS revoked, u.role, d.last_mutation_id AS last
          FROM sync_devices d JOIN users u ON u.id = d.user_id
          WHERE d.id = ${claims.deviceId} AND d.user_id = ${claims.userId}`);
        if (!device) throw unauthenticated('The access token names a device or account that no longer exists.');
        if (device.revoked) throw deviceRevoked();
        return work(tx, { userId: claims.userId, deviceId: claims.deviceId, role: device.role as UserRole, lastMutationId: Number(device.last) });
      },
      options,
    ),
  );
}
