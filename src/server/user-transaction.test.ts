import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../core/db/execute-rows';
import { openPostgres } from '../core/db/open-postgres';
import { MIGRATIONS_FOLDER } from './paths';
import { createEmptyDatabase } from './test-harness';
import { TRACK_CHANGES_OPTION, trackingConnection, verifyTracking } from './tracking';
import { inUserTransaction } from './user-transaction';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let opened: Awaited<ReturnType<typeof openPostgres>>;

beforeAll(async () => {
  database = await createEmptyDatabase();
  // One connection: whatever a transaction leaves behind, the next one would see.
  const connection = trackingConnection(database.url);
  opened = await openPostgres({ ...connection, pool: { ...connection.pool, max: 1, connectionTimeoutMillis: 30_000 }, migrationsFolder: MIGRATIONS_FOLDER });
});
afterAll(async () => {
  await opened?.close();
  await database?.drop();
});

const settings = (db: typeof opened.db) =>
  executeRows<{ role: string; user_id: string | null; tracking: string | null; isolation: string; read_only: string }>(
    db,
    sql`SELECT current_user AS role, nullif(current_setting('teacher.user_id', true), '') AS user_id,
          current_setting('teacher.track_changes', true) AS tracking,
          current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS read_only`,
  );

describe('inUserTransaction', () => {
  it('runs as teacher_app with the student set, tracking on — and leaves the pooled connection as it was', async () => {
    const userId = randomUUID();
    const [inside] = await inUserTransaction(opened.db, userId, (tx) => settings(tx));
    expect(inside).toEqual({ role: 'teacher_app', user_id: userId, tracking: 'on', isolation: 'read committed', read_only: 'off' });
    const [after] = await settings(opened.db);
    expect(after).toMatchObject({ role: 'postgres', user_id: null, tracking: 'on' });
  });

  it('ends the same way when the work fails', async () => {
    await expect(inUserTransaction(opened.db, randomUUID(), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await settings(opened.db))[0]).toMatchObject({ role: 'postgres', user_id: null });
  });

  it('takes an isolation level and read-only mode', async () => {
    const [inside] = await inUserTransaction(opened.db, randomUUID(), (tx) => settings(tx), { isolation: 'repeatable read', readOnly: true });
    expect(inside).toMatchObject({ isolation: 'repeatable read', read_only: 'on' });
    await expect(
      inUserTransaction(opened.db, randomUUID(), (tx) => tx.execute(sql`DELETE FROM user_lessons`), { readOnly: true }),
    ).rejects.toMatchObject({ cause: { code: '25006' } });
  });
});

describe('change tracking on the server’s connections', () => {
  it('is a connection option, appended to one the URL already has', () => {
    expect(trackingConnection('postgres://u@h/db')).toEqual({ connectionString: 'postgres://u@h/db', pool: { options: TRACK_CHANGES_OPTION } });
    const withOptions = trackingConnection('postgres://u@h/db?options=-c%20search_path%3Dapp');
    expect(new URL(withOptions.connectionString).searchParams.get('options')).toBe(`-c search_path=app ${TRACK_CHANGES_OPTION}`);
    expect(withOptions.pool).toEqual({});
  });

  it('is verified: a pool without it refuses to start the server', async () => {
    await expect(verifyTracking(opened.pool)).resolves.toBeUndefined();
    const plain = await openPostgres({ connectionString: database.url, pool: { max: 1, connectionTimeoutMillis: 30_000 } });
    try {
      await expect(verifyTracking(plain.pool)).rejects.toThrow(/tracking is off/);
    } finally {
      await plain.close();
    }
  });
});
