import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import { reviewCards } from '../../src/core/review/review-cards';
import type { TestCore } from '../support/test-core';
import { heal, linkedStudent, twoComputers } from '../support/sync-world';

/*
 * Issue 13, spaced review: the same card reviewed on two computers while they were apart. Whichever
 * syncs first, the server and both devices hold the same review log and replay it to the same schedule.
 */

const computers = twoComputers();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every card of the student with its replayed schedule, as one replica computes it. */
async function schedules(db: Db, userId: string) {
  const cards = await reviewCards(db, userId);
  return cards
    .map((card) => ({ key: card.key, ...card.schedule, due: card.schedule.due.toISOString() }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

const reviewLog = (db: Db, userId: string) =>
  executeRows(db, sql`SELECT id, card_key, lesson_id, rating, reviewed_at FROM review_log WHERE user_id = ${userId} ORDER BY id`);

async function review(core: TestCore, cardKey: string, rating: 1 | 2 | 3 | 4) {
  await core.call('review.answer', { cardKey, rating });
  await pause(3);
}

describe.each([
  ['the first computer syncs first', false],
  ['the second computer syncs first', true],
])('reviews of one card on two computers: %s', (_name, secondFirst) => {
  it('give one log and one schedule on the server and both devices', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const lessonId = computers.lessons[0]!;
    const [concept] = await executeRows<{ term: string }>(computers.world.serverDb, sql`SELECT key_concepts -> 0 ->> 'term' AS term FROM lessons WHERE id = ${lessonId}`);
    const cardKey = `concept:${lessonId}:${concept!.term}`;
    await a.call('progress.completeLesson', { lessonId, score: 90, timeSpentMinutes: 10 });
    await heal([a, b]);

    computers.first.net.offline(true);
    computers.second.net.offline(true);
    await review(a, cardKey, 3);
    await review(b, cardKey, 1);
    await review(a, cardKey, 4);
    await review(b, cardKey, 2);
    computers.first.net.offline(false);
    computers.second.net.offline(false);
    await heal(secondFirst ? [b, a] : [a, b]);

    const onServer = await schedules(computers.world.serverDb, userId);
    expect(onServer.find((card) => card.key === cardKey)).toMatchObject({ reps: 4 });
    expect(await schedules(computers.first.db.db, userId)).toEqual(onServer);
    expect(await schedules(computers.second.db.db, userId)).toEqual(onServer);
    const log = await reviewLog(computers.world.serverDb, userId);
    expect(log).toHaveLength(4);
    expect(await reviewLog(computers.first.db.db, userId)).toEqual(log);
    expect(await reviewLog(computers.second.db.db, userId)).toEqual(log);
    // And what each computer shows: the same queue.
    expect(await a.call('review.queue', {})).toEqual(await b.call('review.queue', {}));
  });
});
