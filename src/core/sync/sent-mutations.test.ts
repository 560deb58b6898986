import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { executeRows } from '../db/execute-rows';
import { users } from '../db/schema';
import { appendToOutbox } from '../outbox/outbox';
import { dropAcknowledged, lastSentMutationId, readOutboxBatch, renumberOutbox, requeueSent, SENT_MUTATIONS_KEPT_DAYS } from './sync-store';

const DAY = 86_400_000;

describeOnEachDatabase('the sent log: what the server acknowledged, kept to be sent again', (ctx) => {
  async function studentWithOutbox(n: number): Promise<string> {
    const [user] = await ctx.db
      .insert(users)
      .values({ username: 'sent', fullName: 'Ученик', email: 'sent@example.com', passwordHash: 'x', role: 'student' })
      .returning({ id: users.id });
    for (let i = 1; i <= n; i++) await appendToOutbox(ctx.db, user!.id, 'chat.send', { content: `вопрос ${i}` });
    return user!.id;
  }
  const sent = async (userId: string) =>
    (await executeRows<{ id: number }>(ctx.db, sql`SELECT mutation_id::int AS id FROM sent_mutations WHERE user_id = ${userId} ORDER BY 1`)).map((r) => r.id);

  it('acknowledged mutations leave the outbox for the sent log, and go back under their numbers when the server lost them', async () => {
    const userId = await studentWithOutbox(5);
    const at = new Date('2026-12-01T10:00:00Z');
    await dropAcknowledged(ctx.db, userId, 3, at);
    expect((await readOutboxBatch(ctx.db, userId, 10)).map((m) => m.id)).toEqual([4, 5]);
    expect(await sent(userId)).toEqual([1, 2, 3]);
    expect(await lastSentMutationId(ctx.db, userId)).toBe(3);

    // The server now counts only 1: 2 and 3 are pending again, before 4 and 5, with what they said.
    expect(await requeueSent(ctx.db, userId, 1)).toBe(2);
    const batch = await readOutboxBatch(ctx.db, userId, 10);
    expect(batch.map((m) => [m.id, m.args.content])).toEqual([
      [2, 'вопрос 2'],
      [3, 'вопрос 3'],
      [4, 'вопрос 4'],
      [5, 'вопрос 5'],
    ]);
    expect(await sent(userId)).toEqual([1]);
  });

  it('a device id the server has never seen gets everything kept, numbered from 1 with what is pending', async () => {
    const userId = await studentWithOutbox(4);
    await dropAcknowledged(ctx.db, userId, 2, new Date('2026-12-01T10:00:00Z'));
    expect(await renumberOutbox(ctx.db, userId)).toBe(4);
    expect((await readOutboxBatch(ctx.db, userId, 10)).map((m) => [m.id, m.args.content])).toEqual([
      [1, 'вопрос 1'],
      [2, 'вопрос 2'],
      [3, 'вопрос 3'],
      [4, 'вопрос 4'],
    ]);
    expect(await sent(userId)).toEqual([]);
    await appendToOutbox(ctx.db, userId, 'chat.send', { content: 'вопрос 5' });
    expect((await readOutboxBatch(ctx.db, userId, 10)).map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it(`keeps ${SENT_MUTATIONS_KEPT_DAYS} days: older acknowledgements are dropped at the next one`, async () => {
    const userId = await studentWithOutbox(3);
    const first = new Date('2026-10-01T10:00:00Z');
    await dropAcknowledged(ctx.db, userId, 1, first);
    await dropAcknowledged(ctx.db, userId, 2, new Date(first.getTime() + (SENT_MUTATIONS_KEPT_DAYS - 1) * DAY));
    expect(await sent(userId)).toEqual([1, 2]);
    await dropAcknowledged(ctx.db, userId, 3, new Date(first.getTime() + (SENT_MUTATIONS_KEPT_DAYS + 1) * DAY));
    expect(await sent(userId)).toEqual([2, 3]);
  });
});
