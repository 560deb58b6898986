import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore, silentTeachers } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import { chatMessages, chatSessions, outbox } from '../db/schema';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/contract/chat';

describeOnEachDatabase('chat: a session and its messages', (ctx) => {
  it('starts a session about a lesson and fills in its course', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[1]!, exerciseId: 'ex-2' });
    expect(session).toMatchObject({ sessionType: 'lesson', lessonId: lessonIds[1], courseId, endedAt: null, title: 'Урок 2', contextData: { exerciseId: 'ex-2' } });
    expect(await core.call('chat.listSessions')).toEqual([session]);
  });

  it('reopens the lesson’s own conversation (ended or not) instead of starting another, titled by its first question', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    let clock = '2026-11-25T10:00:00.000Z';
    const core = await createTestCore(ctx.database, { now: () => new Date(clock), teachers: silentTeachers });
    const first = await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[0]! });
    expect(first.title).toBe('Урок 1');
    await core.call('chat.sendMessage', { sessionId: first.id, content: '  Как **сократить** $\\frac{6}{8}$?\n' });
    await core.replies.idle();
    await core.call('chat.endSession', { sessionId: first.id });
    clock = '2026-11-25T11:00:00.000Z';
    const again = await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[0]! });
    expect(again).toMatchObject({ id: first.id, title: 'Как сократить 6/8?' });
    // Another lesson, an exercise (it carries the attempt) and a free conversation each get their own.
    const other = await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[1]! });
    const exercise = await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[0]!, exerciseId: 'ex-1' });
    expect(new Set([first.id, other.id, exercise.id]).size).toBe(3);
    expect((await core.call('chat.listSessions')).map((s) => s.title).sort()).toEqual(['Как сократить 6/8?', 'Урок 1', 'Урок 2']);

    // Another computer started one too, earlier, and it arrived by sync: both computers now pick that oldest one.
    const synced = crypto.randomUUID();
    await ctx.db.insert(chatSessions).values({
      id: synced,
      userId: core.user!.id,
      sessionType: 'lesson',
      lessonId: lessonIds[0]!,
      contextData: { title: 'Урок 1' },
      startedAt: new Date('2026-11-25T09:00:00.000Z'),
    });
    expect((await core.call('chat.startSession', { sessionType: 'lesson', lessonId: lessonIds[0]! })).id).toBe(synced);
  });

  it('finds a message by its words with a plain-text snippet: no Markdown marks, no raw TeX', async () => {
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    await core.call('chat.sendMessage', { sessionId: session.id, content: '## Сложение\n**Сложим** дроби $\\frac{1}{2} + \\frac{1}{3}$ по `правилу`' });
    await core.replies.idle();
    const [hit] = await core.call('chat.search', { query: 'дроби' });
    const snippet = hit!.snippet.replaceAll(SNIPPET_MARK_START, '[').replaceAll(SNIPPET_MARK_END, ']');
    expect(snippet).toBe('Сложение Сложим [дроби] 1/2 + 1/3 по правилу');
    expect(hit!.sessionTitle).toBe('Сложение Сложим дроби 1/2 + 1/3 по правилу');
  });

  it('reads messages back newest last, even when sent within the same millisecond', async () => {
    const frozen = new Date('2026-11-25T10:00:00.000Z');
    const core = await createTestCore(ctx.database, { now: () => frozen, teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    const sent = [];
    for (const content of ['первое', 'второе', 'третье', 'четвёртое']) {
      sent.push((await core.call('chat.sendMessage', { sessionId: session.id, content })).message);
      await core.replies.idle();
    }
    const messages = await core.call('chat.listMessages', { sessionId: session.id });
    expect(messages.map((m) => m.content)).toEqual(['первое', 'второе', 'третье', 'четвёртое']);
    expect(messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect(messages.every((m) => m.role === 'user')).toBe(true);
  });

  it('keeps the time a message was asked even when a later one is already there (another computer synced first)', async () => {
    let clock = '2026-11-25T09:00:00.000Z';
    const core = await createTestCore(ctx.database, { now: () => new Date(clock), teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    const asked = [
      ['в десять', '2026-11-25T10:00:00.000Z'],
      ['в двенадцать', '2026-11-25T12:00:00.000Z'],
      ['в одиннадцать', '2026-11-25T11:00:00.000Z'],
    ] as const;
    for (const [content, at] of asked) {
      clock = at;
      const sent = await core.call('chat.sendMessage', { sessionId: session.id, content });
      expect(sent.message.createdAt).toBe(at);
      await core.replies.idle();
    }
    const messages = await core.call('chat.listMessages', { sessionId: session.id });
    expect(messages.map((m) => m.content)).toEqual(['в десять', 'в одиннадцать', 'в двенадцать']);
  });

  it('returns the newest page first and pages back without gaps or repeats', async () => {
    let tick = Date.parse('2026-11-25T10:00:00Z');
    const core = await createTestCore(ctx.database, { now: () => new Date((tick += 1000)), teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    for (let i = 1; i <= 7; i++) {
      await core.call('chat.sendMessage', { sessionId: session.id, content: `m${i}` });
      await core.replies.idle();
    }

    const newest = await core.call('chat.listMessages', { sessionId: session.id, limit: 3 });
    const older = await core.call('chat.listMessages', { sessionId: session.id, limit: 3, beforeMessageId: newest[0]!.id });
    const oldest = await core.call('chat.listMessages', { sessionId: session.id, limit: 3, beforeMessageId: older[0]!.id });

    expect(newest.map((m) => m.content)).toEqual(['m5', 'm6', 'm7']);
    expect(older.map((m) => m.content)).toEqual(['m2', 'm3', 'm4']);
    expect(oldest.map((m) => m.content)).toEqual(['m1']);
  });

  it('records the session and every message in the outbox', async () => {
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'voice' });
    await core.call('chat.sendMessage', { sessionId: session.id, content: 'Здравствуйте!' });
    const names = (await ctx.db.select({ name: outbox.name }).from(outbox).orderBy(outbox.id)).map((r) => r.name);
    expect(names).toEqual(['chat.startSession', 'chat.appendMessage']);
  });

  it('refuses an empty message, an unknown session and a bad session type, storing nothing', async () => {
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    expect(await core.raw('chat.sendMessage', { sessionId: session.id, content: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.raw('chat.sendMessage', { sessionId: crypto.randomUUID(), content: 'привет' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.raw('chat.startSession', { sessionType: 'party' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.raw('chat.startSession', { sessionType: 'lesson', lessonId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ctx.db.select().from(chatMessages)).toEqual([]);
    expect(await ctx.db.select().from(chatSessions).where(eq(chatSessions.sessionType, 'lesson'))).toEqual([]);
  });
});

describeOnEachDatabase('chat mutations replayed (sync re-applies pending ones)', (ctx) => {
  it('applying the same start and message twice changes nothing and returns the same rows', async () => {
    const { startChatSession, appendChatMessage } = await import('./chat-service');
    const { mutationContext } = await import('../mutations/mutation-context');
    const as = (id: string) => mutationContext(ctx.db, id);
    const core = await createTestCore(ctx.database, { teachers: silentTeachers });
    const userId = core.user!.id;
    const start = { sessionId: crypto.randomUUID(), sessionType: 'interactive' as const, courseId: null, lessonId: null, contextData: {}, at: '2026-11-25T10:00:00.000Z' };
    const first = await startChatSession(as(userId), start);
    expect(await startChatSession(as(userId), start)).toEqual(first);
    const message = { messageId: crypto.randomUUID(), sessionId: start.sessionId, role: 'user' as const, content: 'вопрос', at: '2026-11-25T10:00:01.000Z' };
    const sent = await appendChatMessage(as(userId), message);
    expect(await appendChatMessage(as(userId), message)).toEqual(sent);
    expect(await ctx.db.select().from(chatMessages)).toHaveLength(1);

    // Someone else replaying (or forging) those ids gets nothing of this student's.
    const other = await createTestCore(ctx.database, { teachers: silentTeachers });
    await expect(startChatSession(as(other.user!.id), start)).rejects.toMatchObject({ code: 'not_found' });
    await expect(appendChatMessage(as(other.user!.id), message)).rejects.toMatchObject({ code: 'not_found' });
  });
});
