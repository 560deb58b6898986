import { and, desc, eq, sql } from 'drizzle-orm';
import type { ChatMessage, ChatSession } from '../../shared/contract';
import type { MutationArgs } from '../../shared/mutations';
import { chatMessages, chatSessions, courses, lessons } from '../db/schema';
import type { Db } from '../db/types';
import { invalidInput, notFound } from '../errors/app-error';
import { executeRows } from '../db/execute-rows';
import type { ChatRole } from '../../shared/domain';
import { toChatMessage, toChatSession } from './chat-views';

/** Flow 2, part one: open a conversation, optionally about a course or a lesson of it. */
export async function startChatSession(tx: Db, userId: string, args: MutationArgs<'chat.startSession'>): Promise<ChatSession> {
  let courseId = args.courseId;
  if (args.lessonId) {
    const [lesson] = await tx.select({ courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, args.lessonId));
    if (!lesson) throw notFound('Lesson');
    if (courseId && courseId !== lesson.courseId) throw invalidInput('The lesson does not belong to that course');
    courseId = lesson.courseId;
  } else if (courseId) {
    const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
    if (!course) throw notFound('Course');
  }
  // A replay of the same mutation (sync re-applies pending ones) finds its row already there.
  await tx
    .insert(chatSessions)
    .values({
      id: args.sessionId,
      userId,
      sessionType: args.sessionType,
      courseId,
      lessonId: args.lessonId,
      contextData: args.contextData,
      startedAt: new Date(args.at),
    })
    .onConflictDoNothing({ target: chatSessions.id });
  return toChatSession(await findOwnSession(tx, userId, args.sessionId));
}

/** The session if it is this student's; another student's session is indistinguishable from none. */
export async function findOwnSession(db: Db, userId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)));
  if (!row) throw notFound('Chat session');
  return row;
}

/**
 * Flow 2, part two: append a message. Its time is the device's `at`, nudged one microsecond past the
 * session's newest message when needed, so "newest last" is exact even for messages within one millisecond.
 */
export async function appendChatMessage(tx: Db, userId: string, args: MutationArgs<'chat.appendMessage'>): Promise<ChatMessage> {
  // One statement: the session's ownership check, the time nudge and the insert.
  const [row] = await executeRows<{ id: string; session_id: string; role: string; content: string; tts_played: boolean; created_at: Date }>(tx, sql`
    INSERT INTO chat_messages (id, session_id, role, content, created_at)
    SELECT ${args.messageId}, s.id, ${args.role}, ${args.content},
      GREATEST(${args.at}::timestamptz, (
        SELECT m.created_at + interval '1 microsecond' FROM chat_messages m
        WHERE m.session_id = s.id ORDER BY m.created_at DESC LIMIT 1))
    FROM chat_sessions s
    WHERE s.id = ${args.sessionId} AND s.user_id = ${userId}
    ON CONFLICT (id) DO NOTHING
    RETURNING id, session_id, role, content, tts_played, created_at`);
  if (!row) {
    // Already there (a replay) — but only ever this student's own message in this session.
    const [existing] = await tx
      .select()
      .from(chatMessages)
      .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
      .where(and(eq(chatMessages.id, args.messageId), eq(chatMessages.sessionId, args.sessionId), eq(chatSessions.userId, userId)));
    if (!existing) throw notFound('Chat session');
    return toChatMessage(existing.chat_messages);
  }
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role as ChatRole,
    content: row.content,
    ttsPlayed: row.tts_played,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listChatSessions(db: Db, userId: string): Promise<ChatSession[]> {
  const rows = await db
    .select()
    .from(chatSessions)
    .where(eq(chatSessions.userId, userId))
    .orderBy(desc(chatSessions.startedAt));
  return rows.map(toChatSession);
}

/** The newest `limit` messages (older than `beforeMessageId` when paging back), returned oldest first. */
export async function listChatMessages(
  db: Db,
  userId: string,
  input: { sessionId: string; limit: number; beforeMessageId?: string | undefined },
): Promise<ChatMessage[]> {
  await findOwnSession(db, userId, input.sessionId);
  let before = undefined;
  if (input.beforeMessageId) {
    const [anchor] = await db
      .select({ id: chatMessages.id })
      .from(chatMessages)
      .where(and(eq(chatMessages.id, input.beforeMessageId), eq(chatMessages.sessionId, input.sessionId)));
    if (!anchor) throw notFound('Chat message');
    // Compared in SQL: timestamps carry microseconds that a JS Date would lose.
    before = sql`(${chatMessages.createdAt}, ${chatMessages.id}) < (
      SELECT created_at, id FROM chat_messages WHERE id = ${anchor.id})`;
  }
  const rows = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.sessionId, input.sessionId), before))
    .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
    .limit(input.limit);
  return rows.reverse().map(toChatMessage);
}
