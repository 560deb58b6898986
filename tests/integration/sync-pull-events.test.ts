import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../src/shared/contract';
import { executeRows } from '../../src/core/db/execute-rows';
import { linkedStudent, twoComputers } from '../support/sync-world';

/*
 * Issue 18, item 1: open pages follow a pull. Device B syncs what A did and tells its pages through the
 * events they listen to — and never with the toasts that belong to the device where it was earned.
 */

const computers = twoComputers();

describe('a pull tells open pages what it brought', () => {
  it('B gets progress, message and quiet motivation events for what A did, and no toasts', async () => {
    const { a, b } = await linkedStudent(computers.world, computers.first, computers.second);
    const [lesson] = await executeRows<{ id: string; course_id: string }>(
      computers.world.serverDb,
      sql`SELECT id, course_id FROM lessons ORDER BY course_id, lesson_number LIMIT 1`,
    );
    await a.call('progress.completeLesson', { lessonId: lesson!.id, score: 100, timeSpentMinutes: 7 });
    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    const { message } = await a.call('chat.sendMessage', { sessionId: session.id, content: 'Что такое дробь?' });
    await a.replies.idle();
    expect((await a.call('sync.now')).state).toBe('synced');

    const seen: CoreEvent[] = [];
    const stop = b.subscribe((event) => seen.push(event));
    expect((await b.call('sync.now')).state).toBe('synced');
    stop();

    const names = seen.map((event) => event.name);
    expect(names).toContainEqual('sync.pulled');
    expect(names).not.toContain('motivation.changed');
    expect(names).not.toContain('achievement.unlocked');
    expect(seen).toContainEqual({ name: 'progress.changed', payload: { courseId: lesson!.course_id } });
    expect(seen).toContainEqual({ name: 'chat.message', payload: { sessionId: session.id, messageId: message.id } });
    const pulled = seen.find((event) => event.name === 'sync.pulled')!.payload as { courseIds: string[]; chatSessionIds: string[]; motivation: boolean };
    expect(pulled.courseIds).toContain(lesson!.course_id);
    expect(pulled.chatSessionIds).toContain(session.id);
    expect(pulled.motivation).toBe(true);
    // What the pages re-read is already there when they hear it.
    expect((await b.call('motivation.summary')).totalPoints).toBe((await a.call('motivation.summary')).totalPoints);
  });

  it('a pull with nothing new tells the pages nothing, and a message B already had is not announced again', async () => {
    const { a, b } = await linkedStudent(computers.world, computers.first, computers.second);
    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    await a.call('chat.sendMessage', { sessionId: session.id, content: 'Первый вопрос' });
    await a.replies.idle();
    await a.call('sync.now');
    await b.call('sync.now');

    const seen: CoreEvent[] = [];
    const stop = b.subscribe((event) => seen.push(event));
    await b.call('sync.now');
    expect(seen.filter((event) => event.name !== 'sync.status')).toEqual([]);

    const { message } = await a.call('chat.sendMessage', { sessionId: session.id, content: 'Второй вопрос' });
    await a.replies.idle();
    await a.call('sync.now');
    await b.call('sync.now');
    stop();
    const messages = seen.filter((event) => event.name === 'chat.message');
    expect(messages).toEqual([{ name: 'chat.message', payload: { sessionId: session.id, messageId: message.id } }]);
  });
});
