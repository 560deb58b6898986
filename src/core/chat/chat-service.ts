import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ChatMessage, ChatSession } from '../../shared/contract';
import type { MutationArgs } from '../sync/mutation-registry';
import { chatDrafts, chatMessages, chatSessions, courses, lessons } from '../db/schema';
import { onceActivityId, recordActivity } from '../motivation/activity';
import type { Db } from '../db/types';
import { invalidInput, notFound } from '../errors/app-error';
import { executeRows } from '../db/execute-rows';
import type { ChatRole } from '../../shared/domain';
import { sessionTitleOf, TITLE_SOURCE_CHARS, toChatMessage, toChatSession } from './chat-views';
import type { MutationContext } from '../mutations/mutation-context';

/** Open a conversation, optionally about a course or a lesson of it. */
export async function startChatSession(ctx: MutationContext, args: MutationArgs<'chat.startSession'>): Promise<ChatSession> {
  const { tx, userId } = ctx;
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
  return toChatSession(await findOwnSession(tx, userId, args.sessionId), null);
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
 * Append a message to a conversation. Its time is the device's `at` — when the student asked, which a
 * sync must not move: messages written apart on two computers interleave by it, ordered (created_at, id).
 * Only within `at`'s own millisecond is it nudged one microsecond past a message already there, so a
 * reply finished in the millisecond of its question still comes after it.
 */
export async function appendChatMessage(ctx: MutationContext, args: MutationArgs<'chat.sendMessage'>): Promise<ChatMessage> {
  const { tx, userId } = ctx;
  // One statement: the session's ownership check, the time nudge and the insert.
  const [row] = await executeRows<{ id: string; session_id: string; role: string; content: string; tts_played: boolean; created_at: Date }>(tx, sql`
    INSERT INTO chat_messages (id, session_id, role, content, created_at)
    SELECT ${args.messageId}, s.id, ${args.role}, ${args.content},
      GREATEST(${args.at}::timestamptz, (
        SELECT m.created_at + interval '1 microsecond' FROM chat_messages m
        WHERE m.session_id = s.id AND m.created_at >= ${args.at}::timestamptz
          AND m.created_at < ${args.at}::timestamptz + interval '1 millisecond'
        ORDER BY m.created_at DESC LIMIT 1))
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
  if (args.role === 'user') {
    await recordActivity(ctx, {
      id: onceActivityId(userId, `chat:${args.messageId}`),
      type: 'chat_question',
      at: args.at,
      timeZone: args.timeZone,
      data: { sessionId: args.sessionId, messageId: args.messageId },
    });
  }
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role as ChatRole,
    content: row.content,
    ttsPlayed: row.tts_played,
    createdAt: new Date(row.created_at).toISOString(),
    streaming: false,
  };
}

/**
 * A session with what its listing shows: its first question (for the title) and its last message's time.
 * The outer table is named in full: drizzle writes a column of a one-table select unqualified, and
 * inside the subquery `"id"` would be the message's own id.
 */
const SESSION_LISTING = {
  session: chatSessions,
  firstQuestion: sql<string | null>`(SELECT left(m.content, ${TITLE_SOURCE_CHARS}) FROM chat_messages m
    WHERE m.session_id = chat_sessions.id AND m.role = 'user' ORDER BY m.created_at, m.id LIMIT 1)`,
  lastMessageAt: sql<string | null>`(SELECT max(m.created_at) FROM chat_messages m WHERE m.session_id = chat_sessions.id)`,
};

const toListedSession = (r: { session: typeof chatSessions.$inferSelect; firstQuestion: string | null; lastMessageAt: string | null }): ChatSession => ({
  ...toChatSession(r.session, r.lastMessageAt),
  title: sessionTitleOf(r.firstQuestion, r.session.contextData),
});

/**
 * The student's conversation about a lesson as a whole (not one opened on an exercise, which carries
 * its attempt), so «Спросить учителя» reopens it — ended or not: leaving the chat ends a session, and
 * coming back resumes it. Two computers may each have started one
 * before they synced: both then pick the oldest, by (started_at, id), so they agree.
 */
export async function findLessonSession(db: Db, userId: string, lessonId: string): Promise<ChatSession | null> {
  const [row] = await db
    .select(SESSION_LISTING)
    .from(chatSessions)
    .where(
      and(
        eq(chatSessions.userId, userId),
        eq(chatSessions.lessonId, lessonId),
        eq(chatSessions.sessionType, 'lesson'),
        sql`NOT (${chatSessions.contextData} ? 'exerciseId')`,
      ),
    )
    .orderBy(asc(chatSessions.startedAt), asc(chatSessions.id))
    .limit(1);
  return row ? toListedSession(row) : null;
}

/** Newest first; each named by the student's first question (plain text), else by where it was opened. */
export async function listChatSessions(db: Db, userId: string): Promise<ChatSession[]> {
  const rows = await db.select(SESSION_LISTING).from(chatSessions).where(eq(chatSessions.userId, userId)).orderBy(desc(chatSessions.startedAt));
  return rows.map(toListedSession);
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
  const messages = rows.reverse().map(toChatMessage);
  if (input.beforeMessageId) return messages;
  // A reply still being written comes last, marked, so a reloaded page can keep following it.
  const drafts = await db.select().from(chatDrafts).where(eq(chatDrafts.sessionId, input.sessionId)).orderBy(asc(chatDrafts.createdAt));
  return [...messages, ...drafts.map((d) => draftMessage(d))];
}

const draftMessage = (d: typeof chatDrafts.$inferSelect): ChatMessage => ({
  id: d.messageId,
  sessionId: d.sessionId,
  role: 'assistant',
  content: d.content,
  ttsPlayed: false,
  createdAt: d.createdAt.toISOString(),
  streaming: true,
});

/** The student left the conversation: it ends at `at`, and lasted from its start until then. */
export async function endChatSession(ctx: MutationContext, args: MutationArgs<'chat.endSession'>): Promise<ChatSession> {
  const { tx, userId } = ctx;
  const session = await findOwnSession(tx, userId, args.sessionId);
  const at = new Date(Math.max(new Date(args.at).getTime(), session.startedAt.getTime()));
  // A later end wins (the session was resumed); an earlier replay changes nothing.
  if (!session.endedAt || session.endedAt < at) {
    await tx
      .update(chatSessions)
      .set({ endedAt: at, durationMinutes: Math.round((at.getTime() - session.startedAt.getTime()) / 60_000) })
      .where(eq(chatSessions.id, session.id));
  }
  return (await listChatSessions(tx, userId)).find((s) => s.id === session.id) ?? toChatSession(session, null);
}

export async function markMessagePlayed(ctx: MutationContext, args: MutationArgs<'chat.markPlayed'>): Promise<{ ttsPlayed: boolean }> {
  const { tx, userId } = ctx;
  const [owned] = await tx
    .select({ id: chatMessages.id })
    .from(chatMessages)
    .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
    .where(and(eq(chatMessages.id, args.messageId), eq(chatSessions.userId, userId)));
  if (!owned) throw notFound('Chat message');
  await tx.update(chatMessages).set({ ttsPlayed: true }).where(eq(chatMessages.id, owned.id));
  return { ttsPlayed: true };
}
