import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import { openPglite } from '../../src/core/db/open-pglite';
import { openPostgres } from '../../src/core/db/open-postgres';
import type { Db } from '../../src/core/db/types';
import { onceActivityId } from '../../src/core/motivation/activity';
import { createEmptyDatabase } from '../../src/server/test-harness';
import { createPasswordHasher } from '../../src/core/accounts/password-hasher';
import { createFakeSyncServer, FAKE_SERVER_URL } from '../support/fake-sync-server';
import { seedCourse } from '../support/fixtures';
import { createTestCore, TEST_BCRYPT_COST, TEST_PASSWORD } from '../support/test-core';
import { MIGRATIONS_FOLDER } from '../support/test-databases';

/*
 * Migration 0009 gives every activity row an id derived from its owner (activity_row_id). Existing rows
 * are renamed in place, the same way on the server and on each device, so nothing has to travel: here
 * both kinds of database are migrated up to 0008, filled, and then migrated on.
 */

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** The migrations before 0009, as a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-migrations-'));
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(`_${tag}`));
  expect(at).toBeGreaterThan(0);
  for (const later of journal.entries.slice(at)) fs.rmSync(path.join(dir, `${later.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

async function student(db: Db, name: string): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash) VALUES (${id}, ${`${name}@school.test`}, ${name}, ${name}, 'x')`);
  return id;
}

const fact = (db: Db, userId: string, id: string, type = 'study_time') =>
  db.execute(sql`INSERT INTO user_activity_log (id, user_id, activity_type, activity_data) VALUES (${id}, ${userId}, ${type}, '{"day": "2026-01-01"}')`);

let scratchDb: Promise<Db> | null = null;
/** A database with 0009 applied, to compute derived ids where the function does not exist yet. */
const scratch = () =>
  (scratchDb ??= openPglite({ dataDir: null, migrationsFolder: MIGRATIONS_FOLDER }).then((opened) => {
    cleanup.push(opened.close);
    return opened.db;
  }));

const derived = async (db: Db, owner: string, key: string) =>
  (await executeRows<{ id: string }>(db, sql`SELECT activity_row_id(${owner}::uuid, ${key}::uuid) AS id`))[0]!.id;

const idsOf = async (db: Db, userId: string) =>
  (await executeRows<{ id: string }>(db, sql`SELECT id FROM user_activity_log WHERE user_id = ${userId} ORDER BY id`)).map((r) => r.id).sort();

describe('migration 0009: activity ids derived from their owner', () => {
  it('on the server: every row renamed (a chosen id that looks derived too), its change renamed in place, no new change', async () => {
    const database = await createEmptyDatabase();
    cleanup.push(database.drop);
    // As the server connects: change tracking on.
    const opened = await openPostgres({ connectionString: database.url, migrationsFolder: migrationsBefore('account_safety'), pool: { max: 1, options: '-c teacher.track_changes=on' } });
    cleanup.push(opened.close);
    const { db } = opened;
    const anna = await student(db, 'anna');
    const boris = await student(db, 'boris');
    const studied = randomUUID();
    const completed = onceActivityId(anna, 'lesson-completed:L1');
    const future = onceActivityId(anna, 'lesson-completed:L2');
    // Before the upgrade Boris squatted what would become Anna's derived id of a future completion
    // (the function is public: 0009 is in every installation).
    const squat = await derived(await scratch(), anna, future);
    await fact(db, anna, studied);
    await fact(db, anna, completed, 'lesson_completed');
    await fact(db, boris, squat);
    const changes = async () =>
      executeRows<{ scope_id: string; row_key: string; seq: string }>(
        db,
        sql`SELECT scope_id, row_key, seq::text FROM sync_changes WHERE table_name = 'user_activity_log' ORDER BY scope_id, seq, row_key`,
      );
    const before = await changes();
    expect(before).toHaveLength(3);
    const scopes = await executeRows(db, sql`SELECT scope_id, seq FROM sync_scopes ORDER BY scope_id`);

    await migratePostgres(db as NodePgDatabase<Record<string, unknown>>, { migrationsFolder: MIGRATIONS_FOLDER });

    expect(await idsOf(db, anna)).toEqual([await derived(db, anna, studied), await derived(db, anna, completed)].sort());
    expect(await idsOf(db, boris)).toEqual([await derived(db, boris, squat)]);
    expect(await idsOf(db, boris)).not.toContain(squat);
    // The same changes, the same sequence numbers, new names: no device pulls its history again.
    const after = await changes();
    expect(after.map((c) => [c.scope_id, c.seq])).toEqual(before.map((c) => [c.scope_id, c.seq]));
    for (const change of after) expect(await idsOf(db, change.scope_id)).toContain(change.row_key);
    expect(await executeRows(db, sql`SELECT scope_id, seq FROM sync_scopes ORDER BY scope_id`)).toEqual(scopes);
    // Anna's future completion now lands on her own id.
    await fact(db, anna, await derived(db, anna, future), 'lesson_completed');
    expect(await idsOf(db, anna)).toHaveLength(3);
  });

  it('on a device: its own rows renamed, rows pulled already derived kept, a fact held under both ids kept once', async () => {
    const opened = await openPglite({ dataDir: null, migrationsFolder: migrationsBefore('account_safety') });
    cleanup.push(opened.close);
    const { db } = opened;
    const anna = await student(db, 'anna');
    const own = randomUUID();
    const twice = randomUUID();
    await fact(db, anna, own);
    await fact(db, anna, twice);
    // Pulled from an upgraded server while this device still ran the old app: ids already derived
    // (computed with 0009's function on a scratch database, the function does not exist here yet).
    const pulled = await derived(await scratch(), anna, randomUUID());
    const twiceDerived = await derived(await scratch(), anna, twice);
    await fact(db, anna, pulled);
    await fact(db, anna, twiceDerived);

    await migratePglite(db as unknown as PgliteDatabase<Record<string, unknown>>, { migrationsFolder: MIGRATIONS_FOLDER });

    expect(await idsOf(db, anna)).toEqual([await derived(db, anna, own), pulled, twiceDerived].sort());
    // What the server stores for this device's queued mutations is what the device has now.
    expect(await derived(db, anna, own)).toBe(await derived(await scratch(), anna, own));
  });

  it('a mutation queued by the old app (its row under the raw id) syncs after the update: one fact, the same id here and on the server', async () => {
    const device = await openPglite({ dataDir: null, migrationsFolder: migrationsBefore('account_safety') });
    cleanup.push(device.close);
    const serverDb = await openPglite({ dataDir: null, migrationsFolder: MIGRATIONS_FOLDER });
    cleanup.push(serverDb.close);
    const server = await createFakeSyncServer(serverDb.db);
    const { lessonIds, courseId } = await seedCourse(device.db, 'math-5', 2);
    await seedCourse(serverDb.db, 'math-5', 2);
    // The old app: the account, a study-time fact under the device's raw entry id, and its outbox entry.
    const userId = randomUUID();
    const entryId = randomUUID();
    const at = '2026-03-02T10:00:00.000Z';
    await device.db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash)
      VALUES (${userId}, 'old@school.test', 'old-app', 'Старое Приложение', ${await createPasswordHasher(TEST_BCRYPT_COST).hash(TEST_PASSWORD)})`);
    await device.db.execute(sql`INSERT INTO user_preferences (user_id) VALUES (${userId})`);
    await device.db.execute(sql`INSERT INTO user_activity_log (id, user_id, activity_type, activity_data, course_id, lesson_id, created_at)
      VALUES (${entryId}, ${userId}, 'study_time', '{"day": "2026-03-02", "minutes": 12}', ${courseId}, ${lessonIds[0]!}, ${at})`);
    await device.db.execute(sql`INSERT INTO user_study_days (user_id, day, study_minutes) VALUES (${userId}, '2026-03-02', 12)`);
    await device.db.execute(sql`INSERT INTO outbox_sequences (user_id, last_mutation_id) VALUES (${userId}, 1)`);
    await device.db.execute(sql`INSERT INTO outbox (user_id, mutation_id, name, args)
      VALUES (${userId}, 1, 'study.time', ${JSON.stringify({ entryId, lessonId: lessonIds[0]!, minutes: 12, at, timeZone: 'Europe/Moscow' })}::jsonb)`);

    // The update: the device migrates, then links and syncs with the new app.
    await migratePglite(device.db as unknown as PgliteDatabase<Record<string, unknown>>, { migrationsFolder: MIGRATIONS_FOLDER });
    const core = await createTestCore(device, { syncFetch: server.fetch, as: null });
    cleanup.push(() => core.close());
    core.session.signIn({ id: userId, role: 'student' });
    expect(await core.call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD })).toMatchObject({ state: 'synced', pending: 0 });

    const facts = (db: Db) => executeRows(db, sql`SELECT id, activity_type, activity_data FROM user_activity_log WHERE user_id = ${userId} ORDER BY id`);
    expect(await facts(device.db)).toEqual(await facts(serverDb.db));
    expect((await facts(device.db)).map((r) => (r as { id: string }).id)).toEqual([await derived(device.db, userId, entryId)]);
    const minutes = (db: Db) => executeRows(db, sql`SELECT study_minutes FROM user_study_days WHERE user_id = ${userId}`);
    expect(await minutes(device.db)).toEqual([{ study_minutes: 12 }]);
    expect(await minutes(serverDb.db)).toEqual([{ study_minutes: 12 }]);
  });
});
