import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { contract, methodNames } from '../../src/shared/contract';
import * as schema from '../../src/core/db/schema';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import { seedCourse } from '../support/fixtures';
import { silentTeachers, createTestCore } from '../support/test-core';
import { describeOnEachDatabase } from '../support/test-databases';

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableName(t));

/** Every row of every table, to prove a refused call changed nothing at all. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await executeRows(db, sql.raw(`SELECT * FROM "${table}" ORDER BY 1`));
  return out;
}

async function countOutbox(db: Db): Promise<number> {
  const [row] = await executeRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM outbox`);
  return row?.n ?? 0;
}

const badInputs: unknown[] = [
  { unexpected: true },
  'a string',
  42,
  [],
  { courseId: 'x', lessonId: 'y', sessionId: 'z', content: 123, score: 'high', sessionType: 'party' },
];

describeOnEachDatabase('the contract seam', (ctx) => {
  it('every method refuses malformed input with invalid_input and changes nothing', async () => {
    await seedCourse(ctx.db, 'math-5', 2);
    // An admin passes every access rule, so each method reaches its input check.
    const core = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const before = await snapshot(ctx.db);
    for (const method of methodNames) {
      for (const input of badInputs) {
        const result = await core.raw(method, input);
        expect({ method, input, result }).toMatchObject({ method, input, result: { ok: false, error: { code: 'invalid_input' } } });
      }
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  /** Methods that name ANOTHER account on purpose: an admin's target, and the sign-in list's pictures. */
  const TARGET_ACCOUNT_METHODS = new Set(['accounts.resetPassword', 'profile.avatar']);

  it('no method takes the acting user from its input', () => {
    const fieldsOf = (method: (typeof methodNames)[number]) => {
      const shape = contract[method].input as unknown as { unwrap?: () => { shape?: object }; shape?: object };
      return Object.keys(shape.shape ?? shape.unwrap?.().shape ?? {});
    };
    expect(fieldsOf('courses.get')).toEqual(['courseId']);
    for (const method of methodNames) {
      const fields = TARGET_ACCOUNT_METHODS.has(method) ? [] : fieldsOf(method);
      expect({ method, fields: fields.filter((f) => /user_?id$|^user$|owner/i.test(f)) }).toEqual({ method, fields: [] });
    }
  });

  it('every mutating method leaves exactly one outbox entry per successful call', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    // Silent teachers: a reply (which would add its own entry later) never races the count.
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    const { message } = await core.call('chat.sendMessage', { sessionId: session.id, content: 'Первый вопрос' });
    await core.replies.idle();
    const calls: [string, unknown][] = [
      ['preferences.update', { language: 'en' }],
      ['profile.update', { fullName: 'Новое Имя' }],
      ['courses.enrol', { courseId }],
      ['courses.setStatus', { courseId, status: 'paused' }],
      ['plans.generate', { courseId, targetDate: '2099-01-01', studyDays: [1, 3], minutesPerDay: 30 }],
      ['homework.submit', { lessonId: lessonIds[1], text: 'Решение: 2 + 2 = 4' }],
      ['progress.completeLesson', { lessonId: lessonIds[0], score: 70, timeSpentMinutes: 3 }],
      ['chat.sendMessage', { sessionId: session.id, content: 'Как сравнить дроби?' }],
      ['chat.endSession', { sessionId: session.id }],
      ['chat.markPlayed', { messageId: message.id }],
      ['lessons.start', { lessonId: lessonIds[1] }],
      ['study.recordTime', { lessonId: lessonIds[1], minutes: 4 }],
      ['exercises.check', { lessonId: lessonIds[1], exerciseId: 'ex-2', answer: { type: 'numeric', text: '4' }, attempt: 1 }],
      ['homework.requestFeedback', { lessonId: lessonIds[1] }],
      ['achievements.markSeen', { achievementIds: [crypto.randomUUID()] }],
      // The completed lesson's key concept is a review card.
      ['review.answer', { cardKey: `concept:${lessonIds[0]}:Сумма`, rating: 3 }],
    ];
    const mutating = methodNames.filter((m) => contract[m].kind === 'mutation');
    expect(new Set([...calls.map(([m]) => m), 'chat.startSession'])).toEqual(new Set(mutating));
    for (const [method, input] of calls) {
      const before = await countOutbox(ctx.db);
      expect((await core.raw(method, input)).ok).toBe(true);
      expect({ method, added: (await countOutbox(ctx.db)) - before }).toEqual({ method, added: 1 });
    }
  });
});
