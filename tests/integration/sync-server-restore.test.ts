import { sql } from 'drizzle-orm';
import { expect, inject, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import { connectClient } from '../../src/core/db/pg-connections';
import { TEST_PASSWORD } from '../support/test-core';
import { expectConverged, heal, linkedStudent, studentActivity, twoComputers } from '../support/sync-world';

/*
 * The central server's database restored from a backup: it has lost what devices sent after the
 * backup, and its change numbering is behind their cursors. Devices hold that data and must heal by
 * themselves: pull everything again, send again what the server lost.
 */

const computers = twoComputers();
let backups = 0;

/**
 * A backup of the server's database now; calling the result restores it (as an administrator would with
 * pg_dump and pg_restore, here as a copy of the database: no request is in flight between the steps).
 */
async function backUpServer(): Promise<() => Promise<void>> {
  const live = new URL(computers.world.central.database.url).pathname.slice(1);
  const copy = `${live}_backup_${backups++}`;
  const admin = await connectClient({ connectionString: inject('postgresUrl') });
  const endSessions = () => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [live]);
  await endSessions();
  await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${live}`);
  return async () => {
    await endSessions();
    await admin.query(`DROP DATABASE ${live} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${live} TEMPLATE ${copy}`);
    await admin.query(`DROP DATABASE ${copy}`);
    await admin.end();
  };
}

const serverQuestions = async (userId: string) =>
  (
    await executeRows<{ n: number }>(
      computers.world.serverDb,
      sql`SELECT count(*)::int AS n FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = ${userId} AND m.role = 'user'`,
    )
  )[0]!.n;

it('devices that stayed linked pull everything again and send what the server lost; nobody has to do anything', async () => {
  const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
  const act = studentActivity(computers.lessons);
  await act.complete(a, 0, 80);
  await act.ask(a, 'Что такое дробь?');
  await heal([a, b]);

  const restore = await backUpServer();
  // After the backup: work on both computers, sent and acknowledged — then the server loses it.
  await act.complete(a, 1, 100);
  await act.ask(a, 'Что такое числитель?');
  await act.ask(b, 'Что такое знаменатель?');
  await heal([a, b]);
  expect(await serverQuestions(userId)).toBe(3);
  await restore();
  expect(await serverQuestions(userId)).toBe(1);

  // And more work after the restore, on one of them.
  await act.complete(a, 2, 90);
  await heal([a, b]);
  await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  expect(await serverQuestions(userId)).toBe(3);
  for (const core of [a, b]) expect((await core.call('sync.status')).reason).toBeNull();
  expect(computers.world.central.logs.text()).not.toMatch(/rejected/);
});

it('a device that has to sign in again after the restore sends what the server lost, too', async () => {
  const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
  const act = studentActivity(computers.lessons);
  await act.complete(a, 3, 70);
  await heal([a, b]);

  const restore = await backUpServer();
  await act.ask(a, 'Как сложить дроби?');
  await act.complete(a, 4, 100);
  await heal([a, b]);
  await restore();

  // The refresh token the server knew at the backup is spent on this computer: the student signs in again.
  await a.call('sync.linkSignIn', { serverUrl: computers.world.serverUrl, login: a.user!.username, password: TEST_PASSWORD });
  await heal([a, b]);
  await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
});
