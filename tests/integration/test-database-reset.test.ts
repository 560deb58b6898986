import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { users } from '../../src/core/db/schema';
import { openTestPostgres, resetBeforeTest, type TestDatabase } from '../support/test-databases';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestPostgres();
});
afterAll(async () => {
  await database.close();
});

it('a test’s leftover transaction holding a lock is reported and ended, and the database is emptied for the next test', async () => {
  await database.db.insert(users).values({ username: 'leftover', fullName: 'Оставшийся', email: 'left@example.com', passwordHash: 'x', role: 'student' });
  // Work a previous test started and never finished: a transaction that keeps its lock.
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const stuck = await pool.connect();
  stuck.on('error', () => {});
  await stuck.query('BEGIN');
  await stuck.query('LOCK TABLE users IN ACCESS SHARE MODE');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

  await resetBeforeTest(database);

  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]![0])).toMatch(/stalled for 10 s; ended the leftover work:\npool: .*\n.*idle in transaction.*LOCK TABLE users/s);
  expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(users)).toEqual([{ n: 0 }]);
  warn.mockRestore();
  stuck.release(true);
}, 40_000);
