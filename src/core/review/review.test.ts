import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { seedCourse } from '../../../tests/support/fixtures';
import { createTestCore } from '../../../tests/support/test-core';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { executeRows } from '../db/execute-rows';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-03-02T09:00:00Z');

/** A core whose clock the test moves. */
async function studentWithClock(ctx: { database: Parameters<typeof createTestCore>[0] }) {
  let now = START;
  const core = await createTestCore(ctx.database, { now: () => now });
  return { core, later: (days: number) => (now = new Date(START.getTime() + days * DAY)) };
}

describeOnEachDatabase('spaced review and mastery', (ctx) => {
  it('a missed exercise is due tomorrow, not today; answering it right there sends it further out', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'review-a', 2);
    const { core, later } = await studentWithClock(ctx);
    const lessonId = lessonIds[0]!;
    await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: { type: 'numeric', text: '3' }, attempt: 1 });
    await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: { type: 'numeric', text: '2' }, attempt: 2 });

    expect(await core.call('review.queue', {})).toEqual({ dueCount: 0, cards: [], nextDueAt: new Date(START.getTime() + DAY).toISOString() });
    later(1);
    const queue = await core.call('review.queue', {});
    expect(queue).toMatchObject({ dueCount: 1, cards: [{ key: `exercise:${lessonId}:ex-1`, kind: 'exercise', concept: null, state: 'new' }] });
    expect(queue.cards[0]!.exercise).toMatchObject({ id: 'ex-1', prompt: 'Сколько будет 1 + 1?' });
    expect(JSON.stringify(queue)).not.toContain('1 + 1 = 2'); // no explanation before the answer

    const wrong = await core.call('review.answer', { cardKey: `exercise:${lessonId}:ex-1`, answer: { type: 'numeric', text: '5' } });
    expect(wrong).toMatchObject({ correct: false, explanation: '1 + 1 = 2', state: 'review', nextDueAt: new Date(START.getTime() + 2 * DAY).toISOString() });
    later(1.01);
    const right = await core.call('review.answer', { cardKey: `exercise:${lessonId}:ex-1`, answer: { type: 'numeric', text: '2' } });
    expect(right).toMatchObject({ correct: true });
    expect(new Date(right.nextDueAt).getTime()).toBeGreaterThan(new Date(wrong.nextDueAt).getTime());
    later(2.5);
    expect((await core.call('review.queue', {})).cards.map((c) => c.key)).not.toContain(`exercise:${lessonId}:ex-1`);
  });

  it('a completed lesson’s key concepts become cards rated by the student; a review is study activity', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'review-b', 1);
    const { core, later } = await studentWithClock(ctx);
    const lessonId = lessonIds[0]!;
    const key = `concept:${lessonId}:Сумма`;
    await core.call('courses.enrol', { courseId: (await core.call('courses.list')).find((c) => c.title === 'Курс review-b')!.id });
    await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: { type: 'numeric', text: '2' }, attempt: 1 });
    await core.call('progress.completeLesson', { lessonId, score: 100, timeSpentMinutes: 5 });
    later(1);
    const queue = await core.call('review.queue', {});
    expect(queue.cards).toMatchObject([{ key, kind: 'concept', concept: { term: 'Сумма', definition: 'Результат сложения' }, exercise: null }]);

    expect(await core.raw('review.answer', { cardKey: key })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.raw('review.answer', { cardKey: `concept:${lessonId}:Нет такого`, rating: 3 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.raw('review.answer', { cardKey: `exercise:${lessonId}:ex-1`, answer: { type: 'numeric', text: '2' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }, // answered right the first time: no card
    });
    const rated = await core.call('review.answer', { cardKey: key, rating: 4 });
    expect(rated).toMatchObject({ correct: null, explanation: null, state: 'review' });
    expect(await core.call('review.queue', {})).toMatchObject({ dueCount: 0, nextDueAt: rated.nextDueAt });

    const activity = await executeRows<{ activity_type: string; data: { cardKey: string; rating: number } }>(
      ctx.db,
      sql`SELECT activity_type, activity_data AS data FROM user_activity_log WHERE user_id = ${core.user!.id} AND activity_type = 'review_answered'`,
    );
    expect(activity).toMatchObject([{ activity_type: 'review_answered', data: { cardKey: key, rating: 4 } }]);
    const log = await executeRows<{ card_key: string; rating: number }>(ctx.db, sql`SELECT card_key, rating FROM review_log WHERE user_id = ${core.user!.id}`);
    expect(log).toEqual([{ card_key: key, rating: 4 }]);
  });

  it('the course page shows each lesson’s mastery, from first tries and reviews', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'review-c', 3);
    const { core, later } = await studentWithClock(ctx);
    await core.call('courses.enrol', { courseId });
    const [first, second] = lessonIds as [string, string, string];
    await core.call('exercises.check', { lessonId: first, exerciseId: 'ex-1', answer: { type: 'numeric', text: '2' }, attempt: 1 });
    await core.call('exercises.check', { lessonId: second, exerciseId: 'ex-2', answer: { type: 'numeric', text: '5' }, attempt: 1 });
    later(0.01);
    await core.call('exercises.check', { lessonId: second, exerciseId: 'ex-2', answer: { type: 'numeric', text: '4' }, attempt: 2 });
    const mastery = async () => (await core.call('courses.get', { courseId })).lessons.map((l) => l.mastery);
    expect(await mastery()).toEqual(['proficient', 'attempted', 'not_started']);

    // The missed exercise recalled in three spaced reviews: the card's stability grows, and so does mastery.
    const card = `exercise:${second}:ex-2`;
    for (const day of [1, 4, 15, 60]) {
      later(day);
      await core.call('review.answer', { cardKey: card, answer: { type: 'numeric', text: '4' } });
    }
    expect((await mastery())[1]).toBe('attempted'); // the first try was wrong: 0 % first-try accuracy
    later(200);
    await core.call('review.answer', { cardKey: card, answer: { type: 'numeric', text: '0' } });
    expect(await mastery()).toEqual(['proficient', 'attempted', 'not_started']);
  });
});
