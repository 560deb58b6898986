import type { CoreDeps, HandlerGroup } from '../handlers';
import { AppError, invalidInput, notFound } from '../errors/app-error';
import { and, eq } from 'drizzle-orm';
import { chatMessages } from '../db/schema';
import { lessonWithCourse, type SessionContextData } from '../ai/teaching-context';
import type { Db } from '../db/types';
import type { ParsedInput } from '../../shared/contract';
import { searchChatHistory } from './chat-search';
import { findLessonSession, findOwnSession, listChatMessages, listChatSessions } from './chat-service';

type ChatMethods =
  | 'chat.startSession'
  | 'chat.listSessions'
  | 'chat.sendMessage'
  | 'chat.retry'
  | 'chat.stop'
  | 'chat.endSession'
  | 'chat.listMessages'
  | 'chat.search'
  | 'chat.markPlayed';

async function hasQuestion(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: chatMessages.id })
    .from(chatMessages)
    .where(and(eq(chatMessages.sessionId, sessionId), eq(chatMessages.role, 'user')))
    .limit(1);
  return row !== undefined;
}

/** What the session remembers of where it was opened: the lesson's title, the exercise, the attempt. */
async function sessionContext(db: Db, input: ParsedInput<'chat.startSession'>): Promise<SessionContextData> {
  if (!input.lessonId) return {};
  const row = await lessonWithCourse(db, input.lessonId);
  if (!row) throw notFound('Lesson');
  if (!input.exerciseId) return { title: row.lesson.title };
  if (!row.lesson.practiceExercises.some((e) => e.id === input.exerciseId)) throw notFound('Exercise');
  return { title: row.lesson.title, exerciseId: input.exerciseId, ...(input.attempt ? { attempt: input.attempt } : {}) };
}

export const chatHandlers = ({ db, session, mutations, now, timeZone, replies }: CoreDeps): HandlerGroup<ChatMethods> => {
  /**
   * Sessions whose question is being stored and whose reply is being started: between the two awaits a
   * second send (a double click) must not slip through, be stored, and then be refused as a conflict.
   */
  const starting = new Set<string>();
  const oneAtATime = async <T>(sessionId: string, work: () => Promise<T>): Promise<T> => {
    // One reply at a time per conversation: the question waits until the teacher has finished.
    if (starting.has(sessionId) || replies.isRunning(sessionId)) throw new AppError('conflict', 'The teacher is still answering in this session');
    starting.add(sessionId);
    try {
      return await work();
    } finally {
      starting.delete(sessionId);
    }
  };
  return {
    'chat.startSession': async (input) => {
      const userId = session.requireUserId();
      // «Спросить учителя» again from the same lesson: its conversation, not a second one.
      if (input.sessionType === 'lesson' && input.lessonId && !input.exerciseId) {
        const open = await findLessonSession(db, userId, input.lessonId);
        if (open) return open;
      }
      return mutations.run(userId, 'chat.startSession', {
        sessionId: crypto.randomUUID(),
        sessionType: input.sessionType,
        courseId: input.courseId ?? null,
        lessonId: input.lessonId ?? null,
        contextData: { ...(await sessionContext(db, input)) },
        at: now().toISOString(),
      });
    },
    'chat.listSessions': async () => listChatSessions(db, session.requireUserId()),
    'chat.sendMessage': async ({ sessionId, content }) => {
      const userId = session.requireUserId();
      const own = await findOwnSession(db, userId, sessionId);
      return oneAtATime(sessionId, async () => {
        const message = await mutations.run(userId, 'chat.sendMessage', {
          messageId: crypto.randomUUID(),
          sessionId,
          role: 'user',
          content,
          at: now().toISOString(),
          timeZone: timeZone(),
        });
        return { message, replyId: await replies.start(userId, sessionId, own) };
      });
    },
    'chat.retry': async ({ sessionId }) => {
      const userId = session.requireUserId();
      await findOwnSession(db, userId, sessionId);
      if (!(await hasQuestion(db, sessionId))) throw invalidInput('There is no question to answer again', [{ path: 'sessionId', message: 'no_question' }]);
      return oneAtATime(sessionId, async () => ({ replyId: await replies.start(userId, sessionId) }));
    },
    'chat.stop': async ({ sessionId }) => ({ stopped: replies.stop(session.requireUserId(), sessionId) }),
    'chat.endSession': async ({ sessionId }) =>
      mutations.run(session.requireUserId(), 'chat.endSession', { sessionId, at: now().toISOString() }),
    'chat.listMessages': async (input) => listChatMessages(db, session.requireUserId(), input),
    'chat.search': async ({ query }) => searchChatHistory(db, session.requireUserId(), query),
    'chat.markPlayed': async ({ messageId }) =>
      mutations.run(session.requireUserId(), 'chat.markPlayed', { messageId, at: now().toISOString() }),
  };
};
