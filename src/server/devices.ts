import { sql } from 'drizzle-orm';
import { executeRows } from '../core/db/execute-rows';
import type { Db } from '../core/db/types';
import type { ServerDevice } from '../shared/sync';
import type { Student } from './auth/authenticate';
import { revokeDeviceTokens } from './auth/tokens';
import { HttpError } from './http-errors';
import type { Logger } from './logger';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The student's devices (row-level security shows no other), the one asking marked `current`. */
export async function listDevices(tx: Db, student: Student): Promise<ServerDevice[]> {
  const rows = await executeRows<{ id: string; name: string; created_at: Date; last_seen_at: Date; revoked_at: Date | null }>(tx, sql`
    SELECT id, name, created_at, last_seen_at, revoked_at FROM sync_devices
    WHERE user_id = ${student.userId} ORDER BY created_at, id`);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: iso(row.created_at)!,
    lastSeenAt: iso(row.last_seen_at)!,
    revokedAt: iso(row.revoked_at),
    current: row.id === student.deviceId,
  }));
}

/** Whether a device is the student's own (revoked ones too), read in the student's transaction. */
export async function ownsDevice(tx: Db, student: Student, deviceId: string): Promise<boolean> {
  const rows = await executeRows(tx, sql`SELECT 1 FROM sync_devices WHERE id = ${deviceId} AND user_id = ${student.userId}`);
  return rows.length > 0;
}

/**
 * Rename a device the student's own transaction showed to be theirs. The app role may update only
 * the sync columns of `sync_devices` (migration 0010), so this one statement runs as the connecting
 * role, bound to the same owner: a device id of another student changes nothing.
 */
export async function renameDevice(db: Db, student: Student, deviceId: string, name: string): Promise<void> {
  await db.execute(sql`UPDATE sync_devices SET name = ${name} WHERE id = ${deviceId} AND user_id = ${student.userId}`);
}

/** Revoke one of the student's own devices, in the student's transaction; false when it is not theirs. */
export async function revokeOwnDevice(tx: Db, student: Student, deviceId: string, now: Date): Promise<boolean> {
  const [device] = await executeRows<{ id: string }>(tx, sql`
    UPDATE sync_devices SET revoked_at = coalesce(revoked_at, ${now})
    WHERE id = ${deviceId} AND user_id = ${student.userId} RETURNING id`);
  if (!device) return false;
  await revokeDeviceTokens(tx, deviceId, now);
  return true;
}

/**
 * An admin revokes any device. Row-level security rightly hides other students' devices from the
 * admin's own transaction, so this one step runs as the connecting role — after the admin's role was
 * read from the database in that transaction, never taken from the request.
 */
export async function revokeAnyDevice(db: Db, deviceId: string, now: Date, log: Logger, adminId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [device] = await executeRows<{ user_id: string }>(tx, sql`
      UPDATE sync_devices SET revoked_at = coalesce(revoked_at, ${now}) WHERE id = ${deviceId} RETURNING user_id`);
    if (!device) throw deviceNotFound();
    await revokeDeviceTokens(tx, deviceId, now);
    log.info('device revoked by an admin', { adminId, userId: device.user_id, deviceId });
  });
}

export const deviceNotFound = () => new HttpError(404, 'No such device on this account.', 'device_not_found');
