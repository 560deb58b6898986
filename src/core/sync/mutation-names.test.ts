import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { LEGACY_MUTATION_NAMES, mutationNamed, wireNameOf } from '../mutations/mutation-names';
import type { MutationEnvelope } from '../../shared/sync';
import { seedCourse } from '../../../tests/support/fixtures';
import { openTestPglite, openTestPostgres } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { schoolWithServer } from '../../../tests/support/trust';
import { executeRows } from '../db/execute-rows';
import type { Db, OpenedDatabase } from '../db/types';
import { appendToOutbox } from '../outbox/outbox';
import { applyPull } from './apply-pull';
import { mutationArgs, MUTATIONS, type MutationName } from './mutation-registry';
import { applyPushBatch } from './server-push';

/**
 * A mutation is named after its contract method; the names it travelled under before stay valid, so an
 * outbox written by an older version, or a push from a device not yet updated, still applies.
 */
describe('mutation names', () => {
  it('every contract method of kind mutation has a record, and every record but the sign-in fact is such a method', () => {
    const methods = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind === 'mutation');
    const records = Object.keys(MUTATIONS) as MutationName[];
    expect(records.sort()).toEqual(Object.keys(mutationArgs).sort());
    expect(records.filter((n) => n !== 'activity.signIn').sort()).toEqual([...methods].sort());
  });

  it('every old name stands for a record, and the name a device writes leads back to its record', () => {
    for (const [legacy, name] of Object.entries(LEGACY_MUTATION_NAMES)) {
      expect(mutationNamed(legacy)).toBe(name);
      expect(wireNameOf(name)).toBe(legacy);
    }
    for (const name of Object.keys(mutationArgs) as MutationName[]) {
      expect(mutationNamed(name)).toBe(name);
      expect(mutationNamed(wireNameOf(name))).toBe(name);
    }
    expect(mutationNamed('lesson.explode')).toBeNull();
    expect(mutationNamed('toString')).toBeNull();
  });
});

let server: OpenedDatabase;
let device: OpenedDatabase;

beforeAll(async () => {
  [server, device] = await Promise.all([openTestPostgres({ options: '-c teacher.track_changes=on' }), openTestPglite()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.close(), device?.close()]);
});

const completion = (lessonId: string, score: number) => ({ lessonId, score, timeSpentMinutes: 5, at: new Date().toISOString(), timeZone: 'Europe/Moscow' });

const completed = async (db: Db, userId: string) =>
  (
    await executeRows<{ lesson_id: string; score: number }>(
      db,
      sql`SELECT lesson_id, score FROM user_lessons WHERE user_id = ${userId} AND status = 'completed' ORDER BY score`,
    )
  ).map((r) => [r.lesson_id, r.score]);

describe('a mutation stored or pushed under its old name', () => {
  it('replays on the device when a pull is rebased under it, as one under its new name does', async () => {
    const { lessonIds } = await seedCourse(device.db, 'old-names-device', 2);
    const core = await createTestCore(device, { as: { username: `old-names-${crypto.randomUUID().slice(0, 8)}` } });
    const userId = core.user!.id;
    await appendToOutbox(device.db, userId, 'lesson.complete', completion(lessonIds[0]!, 70));
    await appendToOutbox(device.db, userId, 'progress.completeLesson', completion(lessonIds[1]!, 90));
    // The rebase re-applies what is pending over the server's rows: here, over a pull that brought nothing.
    await device.db.execute(sql`DELETE FROM user_lessons WHERE user_id = ${userId}`);

    const outcome = await applyPull(
      device.db,
      userId,
      { changes: [], cursor: '0', lastMutationId: 0, syncedAt: new Date(), serverUrl: 'http://server.test' },
      schoolWithServer('http://server.test'),
    );
    expect(outcome.rebased).toBe(2);
    expect(await completed(device.db, userId)).toEqual([
      [lessonIds[0], 70],
      [lessonIds[1], 90],
    ]);
  });

  it('applies on the server, in a batch of valid mutations and one by one beside an unknown name', async () => {
    const { lessonIds } = await seedCourse(server.db, 'old-names-server', 3);
    const userId = crypto.randomUUID();
    const deviceId = crypto.randomUUID();
    const name = `old-names-${userId.slice(0, 8)}`;
    await server.db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash, role)
      VALUES (${userId}, ${`${name}@school.test`}, ${name}, 'Анна', 'x', 'student')`);
    await server.db.execute(sql`INSERT INTO user_preferences (user_id) VALUES (${userId})`);
    await server.db.execute(sql`INSERT INTO sync_devices (id, user_id, name) VALUES (${deviceId}, ${userId}, 'A')`);
    const push = (mutations: MutationEnvelope[]) =>
      server.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL ROLE teacher_app`);
        await tx.execute(sql`SELECT set_config('teacher.user_id', ${userId}, true)`);
        return applyPushBatch(tx, userId, deviceId, mutations);
      });

    const together = await push([
      { id: 1, name: 'lesson.complete', args: completion(lessonIds[0]!, 60) },
      { id: 2, name: 'progress.completeLesson', args: completion(lessonIds[1]!, 80) },
    ]);
    expect(together).toEqual({ lastMutationId: 2, rejected: [] });

    const oneByOne = await push([
      { id: 3, name: 'lesson.complete', args: completion(lessonIds[2]!, 100) },
      { id: 4, name: 'lesson.explode', args: completion(lessonIds[2]!, 1) },
    ]);
    expect(oneByOne).toEqual({ lastMutationId: 4, rejected: [{ id: 4, reason: 'unknown mutation lesson.explode' }] });
    expect(await completed(server.db, userId)).toEqual([
      [lessonIds[0], 60],
      [lessonIds[1], 80],
      [lessonIds[2], 100],
    ]);
  });
});
