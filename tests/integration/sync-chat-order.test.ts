import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import type { TestCore } from '../support/test-core';
import { heal, linkedStudent, twoComputers } from '../support/sync-world';

/*
 * Issue 18, item 6: questions asked on two computers while they were apart keep the time they were asked,
 * and every side lists them in the same order, whichever computer syncs first.
 */

const computers = twoComputers();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session's messages as stored, in the order every list uses, with their times to the microsecond. */
async function stored(db: Db, sessionId: string) {
  return executeRows<{ id: string; content: string; role: string; at: string }>(
    db,
    sql`SELECT id, content, role, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at
        FROM chat_messages WHERE session_id = ${sessionId} ORDER BY created_at, id`,
  );
}

async function ask(core: TestCore, sessionId: string, content: string) {
  const sent = await core.call('chat.sendMessage', { sessionId, content });
  await core.replies.idle();
  await pause(5);
  return sent.message;
}

describe.each([
  ['the computers.first computer syncs computers.first', false],
  ['the computers.second computer syncs computers.first', true],
])('questions asked offline on two computers: %s', (_name, secondFirst) => {
  it('keep their own times and one order on the server and both devices', async () => {
    const { a, b } = await linkedStudent(computers.world, computers.first, computers.second);
    const sessionId = (await a.call('chat.startSession', { sessionType: 'interactive' })).id;
    await heal([a, b]);

    computers.first.net.offline(true);
    computers.second.net.offline(true);
    const asked = [
      await ask(a, sessionId, 'Первый вопрос с первого компьютера'),
      await ask(b, sessionId, 'Вопрос со второго компьютера'),
      await ask(a, sessionId, 'Второй вопрос с первого компьютера'),
    ];
    computers.first.net.offline(false);
    computers.second.net.offline(false);
    await heal(secondFirst ? [b, a] : [a, b]);

    const onServer = await stored(computers.world.serverDb, sessionId);
    const questions = onServer.filter((m) => m.role === 'user');
    expect(questions.map((m) => m.content)).toEqual(asked.map((m) => m.content));
    // Each keeps the time it was asked (the device stamps milliseconds; nothing moved it).
    expect(questions.map((m) => `${m.at.slice(0, 23)}Z`)).toEqual(asked.map((m) => m.createdAt));
    expect(await stored(computers.first.db.db, sessionId)).toEqual(onServer);
    expect(await stored(computers.second.db.db, sessionId)).toEqual(onServer);
    // What the student sees on each computer is that same order.
    for (const core of [a, b]) {
      const listed = await core.call('chat.listMessages', { sessionId, limit: 50 });
      expect(listed.map((m) => m.id)).toEqual(onServer.map((m) => m.id));
    }
  });
});
